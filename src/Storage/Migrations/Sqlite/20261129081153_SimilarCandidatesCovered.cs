using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Assembly.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SimilarCandidatesCovered : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_Secretariat_County_Id",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Secretariat_County_Id_MemberId_Stage_MatchWords",
                table: "Reports",
                columns: new[] { "Secretariat", "County", "Id", "MemberId", "Stage", "MatchWords" },
                filter: "\"Stage\" <> 3");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_Secretariat_County_Id_MemberId_Stage_MatchWords",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Secretariat_County_Id",
                table: "Reports",
                columns: new[] { "Secretariat", "County", "Id" },
                filter: "\"Stage\" <> 3");
        }
    }
}
