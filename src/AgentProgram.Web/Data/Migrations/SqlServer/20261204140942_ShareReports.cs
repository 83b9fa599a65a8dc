using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentProgram.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ShareReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ShareReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AssignmentId = table.Column<int>(type: "int", nullable: false),
                    AgentId = table.Column<int>(type: "int", nullable: false),
                    MessageId = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: true),
                    Platform = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    PostUrl = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ClaimKey = table.Column<string>(type: "varchar(200)", unicode: false, maxLength: 200, nullable: true),
                    LinkHandle = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    PostedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SubmissionKey = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    State = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    DecisionReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ReviewedByUserId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ReviewedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CorrectionCount = table.Column<int>(type: "int", nullable: false),
                    Flags = table.Column<int>(type: "int", nullable: false),
                    ScreenshotPath = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    ScreenshotContentType = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    ScreenshotSha256 = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    FollowersAtSubmission = table.Column<int>(type: "int", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShareReports_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ShareReports_Assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "Assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ShareReports_PolicyMessages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "PolicyMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ShareReports_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PublicResponses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReportId = table.Column<long>(type: "bigint", nullable: false),
                    MessageId = table.Column<int>(type: "int", nullable: false),
                    AgentId = table.Column<int>(type: "int", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Sentiment = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ConcernedUnitId = table.Column<int>(type: "int", nullable: true),
                    RoutedUnitId = table.Column<int>(type: "int", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ResolutionNote = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    RecordedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RoutedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ResolvedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ResolvedByUserId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicResponses_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublicResponses_PolicyMessages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "PolicyMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublicResponses_ShareReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "ShareReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PublicResponses_Units_ConcernedUnitId",
                        column: x => x.ConcernedUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublicResponses_Units_RoutedUnitId",
                        column: x => x.RoutedUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportSnapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReportId = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Window = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    TakenUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Views = table.Column<long>(type: "bigint", nullable: true),
                    Reach = table.Column<long>(type: "bigint", nullable: true),
                    Likes = table.Column<long>(type: "bigint", nullable: true),
                    Comments = table.Column<long>(type: "bigint", nullable: true),
                    Reposts = table.Column<long>(type: "bigint", nullable: true),
                    Saves = table.Column<long>(type: "bigint", nullable: true),
                    CreatedByUserId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSnapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportSnapshots_ShareReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "ShareReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PublicResponses_AgentId",
                table: "PublicResponses",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicResponses_ConcernedUnitId",
                table: "PublicResponses",
                column: "ConcernedUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicResponses_MessageId_Kind",
                table: "PublicResponses",
                columns: new[] { "MessageId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicResponses_ReportId",
                table: "PublicResponses",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicResponses_RoutedUnitId",
                table: "PublicResponses",
                column: "RoutedUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicResponses_Status_RecordedUtc",
                table: "PublicResponses",
                columns: new[] { "Status", "RecordedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportSnapshots_ReportId_TakenUtc",
                table: "ReportSnapshots",
                columns: new[] { "ReportId", "TakenUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ShareReports_AgentId_SubmissionKey",
                table: "ShareReports",
                columns: new[] { "AgentId", "SubmissionKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ShareReports_AgentId_SubmittedUtc",
                table: "ShareReports",
                columns: new[] { "AgentId", "SubmittedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ShareReports_AssignmentId_Platform",
                table: "ShareReports",
                columns: new[] { "AssignmentId", "Platform" });

            migrationBuilder.CreateIndex(
                name: "IX_ShareReports_ClaimKey",
                table: "ShareReports",
                column: "ClaimKey",
                unique: true,
                filter: "[ClaimKey] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ShareReports_MessageId_State",
                table: "ShareReports",
                columns: new[] { "MessageId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ShareReports_ScreenshotSha256",
                table: "ShareReports",
                column: "ScreenshotSha256");

            migrationBuilder.CreateIndex(
                name: "IX_ShareReports_State_SubmittedUtc_Id",
                table: "ShareReports",
                columns: new[] { "State", "SubmittedUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ShareReports_UnitId",
                table: "ShareReports",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PublicResponses");

            migrationBuilder.DropTable(
                name: "ReportSnapshots");

            migrationBuilder.DropTable(
                name: "ShareReports");
        }
    }
}
