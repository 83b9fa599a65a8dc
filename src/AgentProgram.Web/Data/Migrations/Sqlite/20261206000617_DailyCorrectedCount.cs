using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentProgram.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DailyCorrectedCount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Corrected",
                table: "AggDailyShares",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Stored days have no count yet: the refresher rebuilds every aggregate on its next round.
            migrationBuilder.Sql("UPDATE AggRefreshState SET LastFullRebuildUtc = NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Corrected",
                table: "AggDailyShares");
        }
    }
}
