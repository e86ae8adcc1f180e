using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Assembly.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Staff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Reports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Detail",
                table: "ReportEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Subject",
                table: "Outbox",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubjectAction",
                table: "Outbox",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RoleGrants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Who = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    Secretariat = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    GrantedBy = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoleGrants", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_Messenger_ChatId_SentMessageId",
                table: "Outbox",
                columns: new[] { "Messenger", "ChatId", "SentMessageId" });

            migrationBuilder.CreateIndex(
                name: "IX_RoleGrants_Who_RevokedAt",
                table: "RoleGrants",
                columns: new[] { "Who", "RevokedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RoleGrants");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_Messenger_ChatId_SentMessageId",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "Detail",
                table: "ReportEvents");

            migrationBuilder.DropColumn(
                name: "Subject",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "SubjectAction",
                table: "Outbox");
        }
    }
}
