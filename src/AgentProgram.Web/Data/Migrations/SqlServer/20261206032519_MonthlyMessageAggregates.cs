using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentProgram.Web.Data.Migrations.SqlServer
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
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    MessageId = table.Column<int>(type: "int", nullable: false),
                    Platform = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false),
                    Closed = table.Column<int>(type: "int", nullable: false),
                    Open = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AggMonthlyMessageResponses", x => new { x.Month, x.MessageId, x.Platform, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "AggMonthlyMessageShares",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    MessageId = table.Column<int>(type: "int", nullable: false),
                    Platform = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Reports = table.Column<int>(type: "int", nullable: false),
                    Verified = table.Column<int>(type: "int", nullable: false),
                    Rejected = table.Column<int>(type: "int", nullable: false),
                    Pending = table.Column<int>(type: "int", nullable: false),
                    Flagged = table.Column<int>(type: "int", nullable: false),
                    Corrected = table.Column<int>(type: "int", nullable: false),
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
