using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentProgram.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Rewards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ShowLeaderboardNames",
                table: "Institutions",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ConductRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AgentId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    RecordedByUserId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    RecordedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RevokedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RevokedByUserId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    RevokeReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConductRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConductRecords_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RewardSchemes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RewardSchemes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RewardSchemeVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SchemeId = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    State = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RulesJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ChangeNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ApprovedByUserId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ApprovedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RewardSchemeVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RewardSchemeVersions_RewardSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "RewardSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RewardPeriods",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    SchemeId = table.Column<int>(type: "int", nullable: false),
                    State = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CurrentRunId = table.Column<int>(type: "int", nullable: true),
                    SchemeVersionId = table.Column<int>(type: "int", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ApprovedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ApprovedByUserId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ClosedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ClosedByUserId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ReopenedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ReopenedByUserId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ReopenReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Notes = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RewardPeriods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RewardPeriods_RewardSchemeVersions_SchemeVersionId",
                        column: x => x.SchemeVersionId,
                        principalTable: "RewardSchemeVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RewardPeriods_RewardSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "RewardSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RewardRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PeriodId = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    SchemeVersionId = table.Column<int>(type: "int", nullable: false),
                    ComputedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ComputedByUserId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ApprovedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ApprovedByUserId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Agents = table.Column<int>(type: "int", nullable: false),
                    Eligible = table.Column<int>(type: "int", nullable: false),
                    Recognised = table.Column<int>(type: "int", nullable: false),
                    IncentiveTotal = table.Column<long>(type: "bigint", nullable: false),
                    Recommendations = table.Column<int>(type: "int", nullable: false),
                    CountedShares = table.Column<int>(type: "int", nullable: false),
                    ResultHash = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RewardRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RewardRuns_RewardPeriods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "RewardPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RewardRuns_RewardSchemeVersions_SchemeVersionId",
                        column: x => x.SchemeVersionId,
                        principalTable: "RewardSchemeVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RewardResults",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RunId = table.Column<int>(type: "int", nullable: false),
                    AgentId = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: true),
                    EmploymentType = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Ineligible = table.Column<int>(type: "int", nullable: false),
                    SharePoints = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    TimelyPoints = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    DeductionPoints = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Participation = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Engagement = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Score = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    CountedShares = table.Column<int>(type: "int", nullable: false),
                    UncountedShares = table.Column<int>(type: "int", nullable: false),
                    Assignments = table.Column<int>(type: "int", nullable: false),
                    AssignmentsShared = table.Column<int>(type: "int", nullable: false),
                    Rank = table.Column<int>(type: "int", nullable: true),
                    UnitRank = table.Column<int>(type: "int", nullable: true),
                    TopPercent = table.Column<decimal>(type: "decimal(9,4)", precision: 9, scale: 4, nullable: true),
                    PromotionStreak = table.Column<int>(type: "int", nullable: false),
                    Outcomes = table.Column<int>(type: "int", nullable: false),
                    IncentiveTierAmount = table.Column<long>(type: "bigint", nullable: false),
                    IncentiveAmount = table.Column<long>(type: "bigint", nullable: false),
                    Lines = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RewardResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RewardResults_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RewardResults_RewardRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "RewardRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConductRecords_AgentId_StartDate",
                table: "ConductRecords",
                columns: new[] { "AgentId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_RewardPeriods_Name",
                table: "RewardPeriods",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RewardPeriods_SchemeId",
                table: "RewardPeriods",
                column: "SchemeId");

            migrationBuilder.CreateIndex(
                name: "IX_RewardPeriods_SchemeVersionId",
                table: "RewardPeriods",
                column: "SchemeVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_RewardPeriods_StartDate_EndDate",
                table: "RewardPeriods",
                columns: new[] { "StartDate", "EndDate" });

            migrationBuilder.CreateIndex(
                name: "IX_RewardResults_AgentId",
                table: "RewardResults",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_RewardResults_RunId_AgentId",
                table: "RewardResults",
                columns: new[] { "RunId", "AgentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RewardResults_RunId_Rank",
                table: "RewardResults",
                columns: new[] { "RunId", "Rank" });

            migrationBuilder.CreateIndex(
                name: "IX_RewardResults_RunId_UnitId",
                table: "RewardResults",
                columns: new[] { "RunId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_RewardRuns_PeriodId_Number",
                table: "RewardRuns",
                columns: new[] { "PeriodId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RewardRuns_SchemeVersionId",
                table: "RewardRuns",
                column: "SchemeVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_RewardSchemes_Name",
                table: "RewardSchemes",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RewardSchemeVersions_SchemeId_Number",
                table: "RewardSchemeVersions",
                columns: new[] { "SchemeId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConductRecords");

            migrationBuilder.DropTable(
                name: "RewardResults");

            migrationBuilder.DropTable(
                name: "RewardRuns");

            migrationBuilder.DropTable(
                name: "RewardPeriods");

            migrationBuilder.DropTable(
                name: "RewardSchemeVersions");

            migrationBuilder.DropTable(
                name: "RewardSchemes");

            migrationBuilder.DropColumn(
                name: "ShowLeaderboardNames",
                table: "Institutions");
        }
    }
}
