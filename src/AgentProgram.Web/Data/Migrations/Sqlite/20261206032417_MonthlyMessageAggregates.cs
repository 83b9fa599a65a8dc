using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentProgram.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MonthlyMessageAggregates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AggMonthlyMessageResponses",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MessageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Closed = table.Column<int>(type: "INTEGER", nullable: false),
                    Open = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AggMonthlyMessageResponses", x => new { x.Month, x.MessageId, x.Platform, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "AggMonthlyMessageShares",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MessageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reports = table.Column<int>(type: "INTEGER", nullable: false),
                    Verified = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    Pending = table.Column<int>(type: "INTEGER", nullable: false),
                    Flagged = table.Column<int>(type: "INTEGER", nullable: false),
                    Corrected = table.Column<int>(type: "INTEGER", nullable: false),
                    Reach = table.Column<long>(type: "INTEGER", nullable: false),
                    Views = table.Column<long>(type: "INTEGER", nullable: false),
                    Comments = table.Column<long>(type: "INTEGER", nullable: false),
                    Reposts = table.Column<long>(type: "INTEGER", nullable: false),
                    Saves = table.Column<long>(type: "INTEGER", nullable: false),
                    Clicks = table.Column<int>(type: "INTEGER", nullable: false),
                    Visitors = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AggMonthlyMessageShares", x => new { x.Month, x.MessageId, x.Platform });
                });

            // The per-message monthly rows start empty: the refresher rebuilds every aggregate on its next round.
            migrationBuilder.Sql("UPDATE AggRefreshState SET LastFullRebuildUtc = NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AggMonthlyMessageResponses");

            migrationBuilder.DropTable(
                name: "AggMonthlyMessageShares");
        }
    }
}
