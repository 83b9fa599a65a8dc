using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentProgram.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AgentYearActivity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AggAgentYears",
                columns: table => new
                {
                    AgentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    D0 = table.Column<long>(type: "INTEGER", nullable: false),
                    D1 = table.Column<long>(type: "INTEGER", nullable: false),
                    D2 = table.Column<long>(type: "INTEGER", nullable: false),
                    D3 = table.Column<long>(type: "INTEGER", nullable: false),
                    D4 = table.Column<long>(type: "INTEGER", nullable: false),
                    D5 = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AggAgentYears", x => new { x.AgentId, x.Year });
                });

            // The year rows start empty: the refresher rebuilds every aggregate on its next round.
            migrationBuilder.Sql("UPDATE AggRefreshState SET LastFullRebuildUtc = NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AggAgentYears");
        }
    }
}
