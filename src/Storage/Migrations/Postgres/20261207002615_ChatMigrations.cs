using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Assembly.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ChatMigrations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CausedBy",
                table: "Outbox",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ChatMigrations",
                columns: table => new
                {
                    Messenger = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FromChatId = table.Column<long>(type: "bigint", nullable: false),
                    ToChatId = table.Column<long>(type: "bigint", nullable: false),
                    MigratedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatMigrations", x => new { x.Messenger, x.FromChatId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChatMigrations_Messenger_ToChatId",
                table: "ChatMigrations",
                columns: new[] { "Messenger", "ToChatId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChatMigrations");

            migrationBuilder.DropColumn(
                name: "CausedBy",
                table: "Outbox");
        }
    }
}
