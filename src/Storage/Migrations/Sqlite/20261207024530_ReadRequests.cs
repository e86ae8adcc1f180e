using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Assembly.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReadRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReadRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Messenger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    ChatId = table.Column<long>(type: "INTEGER", nullable: false),
                    Command = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Arguments = table.Column<string>(type: "TEXT", nullable: false),
                    Secretariats = table.Column<string>(type: "TEXT", nullable: false),
                    Whole = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ClaimedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReadRequests", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReadRequests_Messenger_UserId",
                table: "ReadRequests",
                columns: new[] { "Messenger", "UserId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReadRequests");
        }
    }
}
