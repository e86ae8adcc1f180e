using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Assembly.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HotPathIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_Messenger_ChatId_Status_Priority_Id",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_Messenger_Status_Priority_Id",
                table: "Outbox");

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
                name: "IX_Outbox_Messenger_ChatId_Status_Priority_Id",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_Messenger_Status_Priority_Id",
                table: "Outbox");

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
