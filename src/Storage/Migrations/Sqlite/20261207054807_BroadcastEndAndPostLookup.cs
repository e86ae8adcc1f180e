using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Assembly.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BroadcastEndAndPostLookup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FinishedAt",
                table: "Broadcasts",
                type: "TEXT",
                nullable: true);

            // Broadcasts sent before this column was there are over: their organizers are not told of them now.
            migrationBuilder.Sql("UPDATE \"Broadcasts\" SET \"FinishedAt\" = \"CreatedAt\"");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_Messenger_ChatId_Subject_SubjectAction_Id",
                table: "Outbox",
                columns: new[] { "Messenger", "ChatId", "Subject", "SubjectAction", "Id" },
                filter: "\"Subject\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_Messenger_ChatId_Subject_SubjectAction_Id",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "FinishedAt",
                table: "Broadcasts");
        }
    }
}
