using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Assembly.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SimilarReportsLookup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_Secretariat_County_Stage",
                table: "Reports");

            migrationBuilder.AddColumn<string>(
                name: "MatchWords",
                table: "Reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Secretariat_County_Id",
                table: "Reports",
                columns: new[] { "Secretariat", "County", "Id" },
                filter: "\"Stage\" <> 3");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_Secretariat_County_Id",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "MatchWords",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Secretariat_County_Stage",
                table: "Reports",
                columns: new[] { "Secretariat", "County", "Stage" });
        }
    }
}
