using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentProgram.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class EnrolmentStampIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_SocialAccounts_Version",
                table: "SocialAccounts",
                column: "Version");

            migrationBuilder.CreateIndex(
                name: "IX_Employees_Version",
                table: "Employees",
                column: "Version");

            migrationBuilder.CreateIndex(
                name: "IX_Agents_Version",
                table: "Agents",
                column: "Version");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SocialAccounts_Version",
                table: "SocialAccounts");

            migrationBuilder.DropIndex(
                name: "IX_Employees_Version",
                table: "Employees");

            migrationBuilder.DropIndex(
                name: "IX_Agents_Version",
                table: "Agents");
        }
    }
}
