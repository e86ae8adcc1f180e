using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Assembly.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HotPathIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_Secretariat_County_Id",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_Messenger_ChatId_Status_Priority_Id",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_Messenger_Status_Priority_Id",
                table: "Outbox");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Secretariat_County_Id_MemberId_Stage_MatchWords",
                table: "Reports",
                columns: new[] { "Secretariat", "County", "Id", "MemberId", "Stage", "MatchWords" },
                filter: "\"Stage\" <> 3");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_Messenger_ChatId_Status_Priority_Id",
                table: "Outbox",
                columns: new[] { "Messenger", "ChatId", "Status", "Priority", "Id" },
                filter: "\"Status\" < 2");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_Messenger_Status_Priority_Id",
                table: "Outbox",
                columns: new[] { "Messenger", "Status", "Priority", "Id" },
                filter: "\"Status\" < 2");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_Secretariat_County_Id_MemberId_Stage_MatchWords",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_Messenger_ChatId_Status_Priority_Id",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_Messenger_Status_Priority_Id",
                table: "Outbox");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Secretariat_County_Id",
                table: "Reports",
                columns: new[] { "Secretariat", "County", "Id" },
                filter: "\"Stage\" <> 3");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_Messenger_ChatId_Status_Priority_Id",
                table: "Outbox",
                columns: new[] { "Messenger", "ChatId", "Status", "Priority", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_Messenger_Status_Priority_Id",
                table: "Outbox",
                columns: new[] { "Messenger", "Status", "Priority", "Id" });
        }
    }
}
