using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Assembly.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Deadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "CheckAskedAt",
                table: "Reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CheckAt",
                table: "Reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ConfirmedResolved",
                table: "Reports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DueAt",
                table: "Reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DueKind",
                table: "Reports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "EscalatedAt",
                table: "Reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemindedAt",
                table: "Reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reports_CheckAt",
                table: "Reports",
                column: "CheckAt");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_DueAt",
                table: "Reports",
                column: "DueAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_CheckAt",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_DueAt",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "CheckAskedAt",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "CheckAt",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "ConfirmedResolved",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "DueAt",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "DueKind",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "EscalatedAt",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "RemindedAt",
                table: "Reports");
        }
    }
}
