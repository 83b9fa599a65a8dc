using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentProgram.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PolicyMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CanApproveMessages",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ElectionCandidates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ElectionCandidates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ElectionPeriods",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ElectionPeriods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PolicyMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PolicyReference = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SourceUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    SourceNote = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Mission = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActiveFromUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActiveUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CurrentRevisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    ApprovedRevisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    ElectionFlag = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PolicyMessages_Units_SourceUnitId",
                        column: x => x.SourceUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Assignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MessageId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<int>(type: "INTEGER", nullable: false),
                    DueUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AssignedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assignments_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assignments_PolicyMessages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "PolicyMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MessageRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MessageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    KeyMessage = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PublicBenefit = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CanonicalUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Hashtags = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ChecklistSourcesVerified = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChecklistNoHoaxSlanderSara = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChecklistNoPartisanContent = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApprovedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ApprovedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MessageRevisions_PolicyMessages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "PolicyMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrackedLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssignmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Token = table.Column<string>(type: "TEXT", unicode: false, fixedLength: true, maxLength: 22, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrackedLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrackedLinks_Assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "Assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaptionVariants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RevisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaptionVariants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaptionVariants_MessageRevisions_RevisionId",
                        column: x => x.RevisionId,
                        principalTable: "MessageRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GlossaryEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RevisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Meaning = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GlossaryEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GlossaryEntries_MessageRevisions_RevisionId",
                        column: x => x.RevisionId,
                        principalTable: "MessageRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MediaFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RevisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    StoragePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UploadedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MediaFiles_MessageRevisions_RevisionId",
                        column: x => x.RevisionId,
                        principalTable: "MessageRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LinkClicks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrackedLinkId = table.Column<int>(type: "INTEGER", nullable: false),
                    OccurredUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    VisitorHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    IsBot = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkClicks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LinkClicks_TrackedLinks_TrackedLinkId",
                        column: x => x.TrackedLinkId,
                        principalTable: "TrackedLinks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_AgentId_DueUtc",
                table: "Assignments",
                columns: new[] { "AgentId", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_MessageId_AgentId",
                table: "Assignments",
                columns: new[] { "MessageId", "AgentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaptionVariants_RevisionId_Platform",
                table: "CaptionVariants",
                columns: new[] { "RevisionId", "Platform" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ElectionCandidates_Name",
                table: "ElectionCandidates",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GlossaryEntries_RevisionId",
                table: "GlossaryEntries",
                column: "RevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_LinkClicks_TrackedLinkId_OccurredUtc",
                table: "LinkClicks",
                columns: new[] { "TrackedLinkId", "OccurredUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MediaFiles_RevisionId",
                table: "MediaFiles",
                column: "RevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_MessageRevisions_MessageId_Number",
                table: "MessageRevisions",
                columns: new[] { "MessageId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReadUtc_CreatedUtc",
                table: "Notifications",
                columns: new[] { "UserId", "ReadUtc", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PolicyMessages_CreatedUtc",
                table: "PolicyMessages",
                column: "CreatedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyMessages_SourceUnitId",
                table: "PolicyMessages",
                column: "SourceUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyMessages_Status_ActiveUntilUtc",
                table: "PolicyMessages",
                columns: new[] { "Status", "ActiveUntilUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_TrackedLinks_AssignmentId_Platform",
                table: "TrackedLinks",
                columns: new[] { "AssignmentId", "Platform" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrackedLinks_Token",
                table: "TrackedLinks",
                column: "Token",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaptionVariants");

            migrationBuilder.DropTable(
                name: "ElectionCandidates");

            migrationBuilder.DropTable(
                name: "ElectionPeriods");

            migrationBuilder.DropTable(
                name: "GlossaryEntries");

            migrationBuilder.DropTable(
                name: "LinkClicks");

            migrationBuilder.DropTable(
                name: "MediaFiles");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "TrackedLinks");

            migrationBuilder.DropTable(
                name: "MessageRevisions");

            migrationBuilder.DropTable(
                name: "Assignments");

            migrationBuilder.DropTable(
                name: "PolicyMessages");

            migrationBuilder.DropColumn(
                name: "CanApproveMessages",
                table: "AspNetUsers");
        }
    }
}
