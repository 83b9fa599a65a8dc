using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentProgram.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Aggregates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AggAgentActivity",
                columns: table => new
                {
                    AgentId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    Mission = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Platform = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    D0 = table.Column<long>(type: "bigint", nullable: false),
                    D1 = table.Column<long>(type: "bigint", nullable: false),
                    D2 = table.Column<long>(type: "bigint", nullable: false),
                    D3 = table.Column<long>(type: "bigint", nullable: false),
                    D4 = table.Column<long>(type: "bigint", nullable: false),
                    D5 = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AggAgentActivity", x => new { x.AgentId, x.Year, x.UnitId, x.Mission, x.Platform });
                });

            migrationBuilder.CreateTable(
                name: "AggDailyResponses",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    MessageId = table.Column<int>(type: "int", nullable: false),
                    Platform = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false),
                    Closed = table.Column<int>(type: "int", nullable: false),
                    Open = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AggDailyResponses", x => new { x.Day, x.UnitId, x.MessageId, x.Platform, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "AggDailyShares",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    MessageId = table.Column<int>(type: "int", nullable: false),
                    Platform = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Reports = table.Column<int>(type: "int", nullable: false),
                    Verified = table.Column<int>(type: "int", nullable: false),
                    Rejected = table.Column<int>(type: "int", nullable: false),
                    Pending = table.Column<int>(type: "int", nullable: false),
                    Flagged = table.Column<int>(type: "int", nullable: false),
                    Reach = table.Column<long>(type: "bigint", nullable: false),
                    Views = table.Column<long>(type: "bigint", nullable: false),
                    Comments = table.Column<long>(type: "bigint", nullable: false),
                    Reposts = table.Column<long>(type: "bigint", nullable: false),
                    Saves = table.Column<long>(type: "bigint", nullable: false),
                    Clicks = table.Column<int>(type: "int", nullable: false),
                    Visitors = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AggDailyShares", x => new { x.Day, x.UnitId, x.MessageId, x.Platform });
                });

            migrationBuilder.CreateTable(
                name: "AggDirtyDays",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AggDirtyDays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AggRefreshState",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    ClaimedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ClaimedUntilUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastRefreshedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastFullRebuildUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AggRefreshState", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AggUnitWeeks",
                columns: table => new
                {
                    WeekStart = table.Column<DateOnly>(type: "date", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    ActiveAgents = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AggUnitWeeks", x => new { x.WeekStart, x.UnitId });
                });

            migrationBuilder.InsertData(
                table: "AggRefreshState",
                columns: new[] { "Id", "ClaimedBy", "ClaimedUntilUtc", "LastFullRebuildUtc", "LastRefreshedUtc" },
                values: new object[] { 1, null, null, null, null });

            migrationBuilder.CreateIndex(
                name: "IX_ShareReports_PostedUtc",
                table: "ShareReports",
                column: "PostedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_PublicResponses_RecordedUtc",
                table: "PublicResponses",
                column: "RecordedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_LinkClicks_OccurredUtc",
                table: "LinkClicks",
                column: "OccurredUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AggAgentActivity_Year_UnitId",
                table: "AggAgentActivity",
                columns: new[] { "Year", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_AggDailyShares_MessageId_Day",
                table: "AggDailyShares",
                columns: new[] { "MessageId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_AggDirtyDays_AtUtc",
                table: "AggDirtyDays",
                column: "AtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AggAgentActivity");

            migrationBuilder.DropTable(
                name: "AggDailyResponses");

            migrationBuilder.DropTable(
                name: "AggDailyShares");

            migrationBuilder.DropTable(
                name: "AggDirtyDays");

            migrationBuilder.DropTable(
                name: "AggRefreshState");

            migrationBuilder.DropTable(
                name: "AggUnitWeeks");

            migrationBuilder.DropIndex(
                name: "IX_ShareReports_PostedUtc",
                table: "ShareReports");

            migrationBuilder.DropIndex(
                name: "IX_PublicResponses_RecordedUtc",
                table: "PublicResponses");

            migrationBuilder.DropIndex(
                name: "IX_LinkClicks_OccurredUtc",
                table: "LinkClicks");
        }
    }
}
