using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Assembly.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Broadcasts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BroadcastId",
                table: "Outbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MutedAnnouncements",
                table: "Members",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Broadcasts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    FileKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    FileId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    FileMessenger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Broadcasts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_BroadcastId_Status",
                table: "Outbox",
                columns: new[] { "BroadcastId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Broadcasts");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_BroadcastId_Status",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "BroadcastId",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "MutedAnnouncements",
                table: "Members");
        }
    }
}
