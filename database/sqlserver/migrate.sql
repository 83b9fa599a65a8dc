IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124031224_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] nvarchar(64) NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124031224_Initial'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] nvarchar(64) NOT NULL,
        [DisplayName] nvarchar(200) NOT NULL,
        [IsActive] bit NOT NULL,
        [MustChangePassword] bit NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [LastSignInUtc] datetime2 NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124031224_Initial'
)
BEGIN
    CREATE TABLE [AuditEntries] (
        [Id] bigint NOT NULL IDENTITY,
        [OccurredUtc] datetime2 NOT NULL,
        [UserId] nvarchar(64) NULL,
        [UserName] nvarchar(256) NULL,
        [Action] nvarchar(40) NOT NULL,
        [EntityType] nvarchar(100) NULL,
        [EntityKey] nvarchar(100) NULL,
        [Changes] nvarchar(max) NULL,
        [IpAddress] nvarchar(45) NULL,
        [Path] nvarchar(256) NULL,
        CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124031224_Initial'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(max) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124031224_Initial'
)
BEGIN
    CREATE TABLE [Institutions] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(200) NOT NULL,
        [ShortName] nvarchar(50) NOT NULL,
        [Address] nvarchar(300) NULL,
        [City] nvarchar(100) NULL,
        [Phone] nvarchar(50) NULL,
        [Website] nvarchar(200) NULL,
        CONSTRAINT [PK_Institutions] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124031224_Initial'
)
BEGIN
    CREATE TABLE [Units] (
        [Id] int NOT NULL IDENTITY,
        [ParentId] int NULL,
        [Name] nvarchar(200) NOT NULL,
        [Code] nvarchar(50) NULL,
        [Eselon] nvarchar(20) NULL,
        [HeadTitle] nvarchar(200) NULL,
        [SiasnUnorId] nvarchar(64) NULL,
        [IsClosed] bit NOT NULL,
        CONSTRAINT [PK_Units] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Units_Units_ParentId] FOREIGN KEY ([ParentId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124031224_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] nvarchar(64) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124031224_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] nvarchar(64) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124031224_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(128) NOT NULL,
        [ProviderKey] nvarchar(128) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] nvarchar(64) NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124031224_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] nvarchar(64) NOT NULL,
        [RoleId] nvarchar(64) NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124031224_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] nvarchar(64) NOT NULL,
        [LoginProvider] nvarchar(128) NOT NULL,
        [Name] nvarchar(128) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124031224_Initial'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'ConcurrencyStamp', N'Name', N'NormalizedName') AND [object_id] = OBJECT_ID(N'[AspNetRoles]'))
        SET IDENTITY_INSERT [AspNetRoles] ON;
    EXEC(N'INSERT INTO [AspNetRoles] ([Id], [ConcurrencyStamp], [Name], [NormalizedName])
    VALUES (N''role-administrator'', N''seed-1'', N''Administrator'', N''ADMINISTRATOR''),
    (N''role-agen'', N''seed-5'', N''Agen'', N''AGEN''),
    (N''role-humas'', N''seed-3'', N''Humas'', N''HUMAS''),
    (N''role-kepegawaian'', N''seed-2'', N''Kepegawaian'', N''KEPEGAWAIAN''),
    (N''role-pimpinan'', N''seed-4'', N''Pimpinan'', N''PIMPINAN'')');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'ConcurrencyStamp', N'Name', N'NormalizedName') AND [object_id] = OBJECT_ID(N'[AspNetRoles]'))
        SET IDENTITY_INSERT [AspNetRoles] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124031224_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124031224_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124031224_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124031224_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124031224_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124031224_Initial'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124031224_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUsers_IsActive] ON [AspNetUsers] ([IsActive]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124031224_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124031224_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_Action_OccurredUtc] ON [AuditEntries] ([Action], [OccurredUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124031224_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_EntityType_EntityKey] ON [AuditEntries] ([EntityType], [EntityKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124031224_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_OccurredUtc] ON [AuditEntries] ([OccurredUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124031224_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_UserId_OccurredUtc] ON [AuditEntries] ([UserId], [OccurredUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124031224_Initial'
)
BEGIN
    CREATE INDEX [IX_Units_ParentId_Name] ON [Units] ([ParentId], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124031224_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Units_SiasnUnorId] ON [Units] ([SiasnUnorId]) WHERE [SiasnUnorId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124031224_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124031224_Initial', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124032316_EmployeesAgentsImports'
)
BEGIN
    ALTER TABLE [Units] ADD [Version] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124032316_EmployeesAgentsImports'
)
BEGIN
    ALTER TABLE [Institutions] ADD [Email] nvarchar(256) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124032316_EmployeesAgentsImports'
)
BEGIN
    ALTER TABLE [Institutions] ADD [LetterheadLines] nvarchar(1000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124032316_EmployeesAgentsImports'
)
BEGIN
    ALTER TABLE [Institutions] ADD [Logo] varbinary(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124032316_EmployeesAgentsImports'
)
BEGIN
    ALTER TABLE [Institutions] ADD [LogoContentType] nvarchar(50) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124032316_EmployeesAgentsImports'
)
BEGIN
    ALTER TABLE [Institutions] ADD [Version] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124032316_EmployeesAgentsImports'
)
BEGIN
    CREATE TABLE [Employees] (
        [Id] int NOT NULL IDENTITY,
        [Nip] char(18) NOT NULL,
        [NipLama] nvarchar(30) NULL,
        [SiasnPnsId] nvarchar(64) NULL,
        [Name] nvarchar(200) NOT NULL,
        [TitlePrefix] nvarchar(50) NULL,
        [TitleSuffix] nvarchar(100) NULL,
        [Sex] nvarchar(10) NULL,
        [BirthDate] date NULL,
        [EmploymentType] nvarchar(20) NOT NULL,
        [LegalStatus] nvarchar(30) NOT NULL,
        [LegalStatusName] nvarchar(100) NULL,
        [HasDisciplinarySanction] bit NOT NULL,
        [GolonganCode] nvarchar(10) NULL,
        [PositionType] nvarchar(20) NULL,
        [PositionName] nvarchar(300) NULL,
        [Eselon] nvarchar(10) NULL,
        [UnitId] int NULL,
        [SiasnUnorId] nvarchar(64) NULL,
        [SiasnUnorName] nvarchar(300) NULL,
        [WorkUnitName] nvarchar(300) NULL,
        [InstitutionName] nvarchar(300) NULL,
        [GovEmail] nvarchar(256) NULL,
        [Phone] nvarchar(30) NULL,
        [ContractStart] date NULL,
        [ContractEnd] date NULL,
        [ImportWarnings] nvarchar(max) NULL,
        [ImportHash] nvarchar(64) NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [UpdatedUtc] datetime2 NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Employees] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Employees_Units_UnitId] FOREIGN KEY ([UnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124032316_EmployeesAgentsImports'
)
BEGIN
    CREATE TABLE [ImportBatches] (
        [Id] int NOT NULL IDENTITY,
        [Kind] nvarchar(20) NOT NULL,
        [FileName] nvarchar(260) NOT NULL,
        [UploadedByUserId] nvarchar(64) NULL,
        [UploadedUtc] datetime2 NOT NULL,
        [State] nvarchar(20) NOT NULL,
        [Content] varbinary(max) NULL,
        [MappingJson] nvarchar(max) NULL,
        [TotalRows] int NOT NULL,
        [ProcessedRows] int NOT NULL,
        [NewCount] int NOT NULL,
        [UpdatedCount] int NOT NULL,
        [UnchangedCount] int NOT NULL,
        [WarnedCount] int NOT NULL,
        [RejectedCount] int NOT NULL,
        [StartedUtc] datetime2 NULL,
        [CompletedUtc] datetime2 NULL,
        [FailureMessage] nvarchar(1000) NULL,
        CONSTRAINT [PK_ImportBatches] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124032316_EmployeesAgentsImports'
)
BEGIN
    CREATE TABLE [Signatories] (
        [Id] int NOT NULL IDENTITY,
        [Role] nvarchar(40) NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [PositionTitle] nvarchar(200) NOT NULL,
        [Nip] char(18) NULL,
        [GolonganCode] nvarchar(10) NULL,
        [OmitRankAndNip] bit NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Signatories] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124032316_EmployeesAgentsImports'
)
BEGIN
    CREATE TABLE [Agents] (
        [Id] int NOT NULL IDENTITY,
        [EmployeeId] int NOT NULL,
        [UserId] nvarchar(64) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [StatusReason] nvarchar(500) NULL,
        [StatusChangedUtc] datetime2 NULL,
        [EnrolledUtc] datetime2 NOT NULL,
        [EnrolledByUserId] nvarchar(64) NULL,
        [CodeOfConductAcceptedUtc] datetime2 NULL,
        [DataConsentUtc] datetime2 NULL,
        [ConsentWithdrawnUtc] datetime2 NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Agents] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Agents_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Agents_Employees_EmployeeId] FOREIGN KEY ([EmployeeId]) REFERENCES [Employees] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124032316_EmployeesAgentsImports'
)
BEGIN
    CREATE TABLE [ImportRowIssues] (
        [Id] bigint NOT NULL IDENTITY,
        [BatchId] int NOT NULL,
        [RowNumber] int NOT NULL,
        [Nip] nvarchar(40) NULL,
        [Name] nvarchar(200) NULL,
        [IsError] bit NOT NULL,
        [Code] int NOT NULL,
        [Message] nvarchar(1000) NOT NULL,
        CONSTRAINT [PK_ImportRowIssues] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ImportRowIssues_ImportBatches_BatchId] FOREIGN KEY ([BatchId]) REFERENCES [ImportBatches] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124032316_EmployeesAgentsImports'
)
BEGIN
    CREATE TABLE [SocialAccounts] (
        [Id] int NOT NULL IDENTITY,
        [AgentId] int NOT NULL,
        [Platform] nvarchar(20) NOT NULL,
        [Handle] nvarchar(100) NOT NULL,
        [ProfileUrl] nvarchar(300) NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [Followers] int NULL,
        [FollowersAsOf] date NULL,
        [State] nvarchar(20) NOT NULL,
        [RejectionReason] nvarchar(500) NULL,
        [ReviewedByUserId] nvarchar(64) NULL,
        [ReviewedUtc] datetime2 NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_SocialAccounts] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SocialAccounts_Agents_AgentId] FOREIGN KEY ([AgentId]) REFERENCES [Agents] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124032316_EmployeesAgentsImports'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Agents_EmployeeId] ON [Agents] ([EmployeeId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124032316_EmployeesAgentsImports'
)
BEGIN
    CREATE INDEX [IX_Agents_Status] ON [Agents] ([Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124032316_EmployeesAgentsImports'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Agents_UserId] ON [Agents] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124032316_EmployeesAgentsImports'
)
BEGIN
    CREATE INDEX [IX_Employees_EmploymentType_LegalStatus] ON [Employees] ([EmploymentType], [LegalStatus]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124032316_EmployeesAgentsImports'
)
BEGIN
    CREATE INDEX [IX_Employees_GovEmail] ON [Employees] ([GovEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124032316_EmployeesAgentsImports'
)
BEGIN
    CREATE INDEX [IX_Employees_Name] ON [Employees] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124032316_EmployeesAgentsImports'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Employees_Nip] ON [Employees] ([Nip]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124032316_EmployeesAgentsImports'
)
BEGIN
    CREATE INDEX [IX_Employees_UnitId_Name] ON [Employees] ([UnitId], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124032316_EmployeesAgentsImports'
)
BEGIN
    CREATE INDEX [IX_ImportBatches_Kind_UploadedUtc] ON [ImportBatches] ([Kind], [UploadedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124032316_EmployeesAgentsImports'
)
BEGIN
    CREATE INDEX [IX_ImportBatches_State] ON [ImportBatches] ([State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124032316_EmployeesAgentsImports'
)
BEGIN
    CREATE INDEX [IX_ImportRowIssues_BatchId_RowNumber] ON [ImportRowIssues] ([BatchId], [RowNumber]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124032316_EmployeesAgentsImports'
)
BEGIN
    CREATE INDEX [IX_Signatories_Role] ON [Signatories] ([Role]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124032316_EmployeesAgentsImports'
)
BEGIN
    CREATE INDEX [IX_SocialAccounts_AgentId] ON [SocialAccounts] ([AgentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124032316_EmployeesAgentsImports'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SocialAccounts_Platform_Handle] ON [SocialAccounts] ([Platform], [Handle]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124032316_EmployeesAgentsImports'
)
BEGIN
    CREATE INDEX [IX_SocialAccounts_State_CreatedUtc] ON [SocialAccounts] ([State], [CreatedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124032316_EmployeesAgentsImports'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124032316_EmployeesAgentsImports', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124035322_PolicyMessages'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [CanApproveMessages] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124035322_PolicyMessages'
)
BEGIN
    CREATE TABLE [ElectionCandidates] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(200) NOT NULL,
        CONSTRAINT [PK_ElectionCandidates] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124035322_PolicyMessages'
)
BEGIN
    CREATE TABLE [ElectionPeriods] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(200) NOT NULL,
        [Kind] nvarchar(30) NOT NULL,
        [StartUtc] datetime2 NOT NULL,
        [EndUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_ElectionPeriods] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124035322_PolicyMessages'
)
BEGIN
    CREATE TABLE [Notifications] (
        [Id] bigint NOT NULL IDENTITY,
        [UserId] nvarchar(64) NOT NULL,
        [Text] nvarchar(500) NOT NULL,
        [Url] nvarchar(300) NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [ReadUtc] datetime2 NULL,
        CONSTRAINT [PK_Notifications] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124035322_PolicyMessages'
)
BEGIN
    CREATE TABLE [PolicyMessages] (
        [Id] int NOT NULL IDENTITY,
        [Title] nvarchar(200) NOT NULL,
        [PolicyReference] nvarchar(300) NOT NULL,
        [Source] nvarchar(30) NOT NULL,
        [SourceUnitId] int NULL,
        [SourceNote] nvarchar(300) NULL,
        [Mission] nvarchar(20) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [AuthorUserId] nvarchar(64) NOT NULL,
        [ActiveFromUtc] datetime2 NOT NULL,
        [ActiveUntilUtc] datetime2 NOT NULL,
        [CurrentRevisionId] int NULL,
        [ApprovedRevisionId] int NULL,
        [ElectionFlag] nvarchar(200) NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [PublishedUtc] datetime2 NULL,
        [ClosedUtc] datetime2 NULL,
        [WithdrawnUtc] datetime2 NULL,
        [WithdrawnReason] nvarchar(500) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_PolicyMessages] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PolicyMessages_Units_SourceUnitId] FOREIGN KEY ([SourceUnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124035322_PolicyMessages'
)
BEGIN
    CREATE TABLE [Assignments] (
        [Id] int NOT NULL IDENTITY,
        [MessageId] int NOT NULL,
        [AgentId] int NOT NULL,
        [DueUtc] datetime2 NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [AssignedByUserId] nvarchar(64) NULL,
        CONSTRAINT [PK_Assignments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Assignments_Agents_AgentId] FOREIGN KEY ([AgentId]) REFERENCES [Agents] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Assignments_PolicyMessages_MessageId] FOREIGN KEY ([MessageId]) REFERENCES [PolicyMessages] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124035322_PolicyMessages'
)
BEGIN
    CREATE TABLE [MessageRevisions] (
        [Id] int NOT NULL IDENTITY,
        [MessageId] int NOT NULL,
        [Number] int NOT NULL,
        [KeyMessage] nvarchar(2000) NOT NULL,
        [PublicBenefit] nvarchar(1000) NULL,
        [CanonicalUrl] nvarchar(500) NOT NULL,
        [Hashtags] nvarchar(300) NULL,
        [ChecklistSourcesVerified] bit NOT NULL,
        [ChecklistNoHoaxSlanderSara] bit NOT NULL,
        [ChecklistNoPartisanContent] bit NOT NULL,
        [CreatedByUserId] nvarchar(64) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [ApprovedByUserId] nvarchar(64) NULL,
        [ApprovedUtc] datetime2 NULL,
        CONSTRAINT [PK_MessageRevisions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_MessageRevisions_PolicyMessages_MessageId] FOREIGN KEY ([MessageId]) REFERENCES [PolicyMessages] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124035322_PolicyMessages'
)
BEGIN
    CREATE TABLE [TrackedLinks] (
        [Id] int NOT NULL IDENTITY,
        [AssignmentId] int NOT NULL,
        [Platform] nvarchar(20) NOT NULL,
        [Token] char(22) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_TrackedLinks] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_TrackedLinks_Assignments_AssignmentId] FOREIGN KEY ([AssignmentId]) REFERENCES [Assignments] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124035322_PolicyMessages'
)
BEGIN
    CREATE TABLE [CaptionVariants] (
        [Id] int NOT NULL IDENTITY,
        [RevisionId] int NOT NULL,
        [Platform] nvarchar(20) NOT NULL,
        [Text] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_CaptionVariants] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CaptionVariants_MessageRevisions_RevisionId] FOREIGN KEY ([RevisionId]) REFERENCES [MessageRevisions] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124035322_PolicyMessages'
)
BEGIN
    CREATE TABLE [GlossaryEntries] (
        [Id] int NOT NULL IDENTITY,
        [RevisionId] int NOT NULL,
        [Term] nvarchar(100) NOT NULL,
        [Meaning] nvarchar(500) NOT NULL,
        CONSTRAINT [PK_GlossaryEntries] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_GlossaryEntries_MessageRevisions_RevisionId] FOREIGN KEY ([RevisionId]) REFERENCES [MessageRevisions] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124035322_PolicyMessages'
)
BEGIN
    CREATE TABLE [MediaFiles] (
        [Id] int NOT NULL IDENTITY,
        [RevisionId] int NOT NULL,
        [FileName] nvarchar(260) NOT NULL,
        [ContentType] nvarchar(100) NOT NULL,
        [Length] bigint NOT NULL,
        [Sha256] varchar(64) NOT NULL,
        [StoragePath] nvarchar(400) NOT NULL,
        [UploadedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_MediaFiles] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_MediaFiles_MessageRevisions_RevisionId] FOREIGN KEY ([RevisionId]) REFERENCES [MessageRevisions] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124035322_PolicyMessages'
)
BEGIN
    CREATE TABLE [LinkClicks] (
        [Id] bigint NOT NULL IDENTITY,
        [TrackedLinkId] int NOT NULL,
        [OccurredUtc] datetime2 NOT NULL,
        [VisitorHash] varchar(64) NOT NULL,
        [IsBot] bit NOT NULL,
        CONSTRAINT [PK_LinkClicks] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_LinkClicks_TrackedLinks_TrackedLinkId] FOREIGN KEY ([TrackedLinkId]) REFERENCES [TrackedLinks] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124035322_PolicyMessages'
)
BEGIN
    CREATE INDEX [IX_Assignments_AgentId_DueUtc] ON [Assignments] ([AgentId], [DueUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124035322_PolicyMessages'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Assignments_MessageId_AgentId] ON [Assignments] ([MessageId], [AgentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124035322_PolicyMessages'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CaptionVariants_RevisionId_Platform] ON [CaptionVariants] ([RevisionId], [Platform]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124035322_PolicyMessages'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ElectionCandidates_Name] ON [ElectionCandidates] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124035322_PolicyMessages'
)
BEGIN
    CREATE INDEX [IX_GlossaryEntries_RevisionId] ON [GlossaryEntries] ([RevisionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124035322_PolicyMessages'
)
BEGIN
    CREATE INDEX [IX_LinkClicks_TrackedLinkId_OccurredUtc] ON [LinkClicks] ([TrackedLinkId], [OccurredUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124035322_PolicyMessages'
)
BEGIN
    CREATE INDEX [IX_MediaFiles_RevisionId] ON [MediaFiles] ([RevisionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124035322_PolicyMessages'
)
BEGIN
    CREATE UNIQUE INDEX [IX_MessageRevisions_MessageId_Number] ON [MessageRevisions] ([MessageId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124035322_PolicyMessages'
)
BEGIN
    CREATE INDEX [IX_Notifications_UserId_ReadUtc_CreatedUtc] ON [Notifications] ([UserId], [ReadUtc], [CreatedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124035322_PolicyMessages'
)
BEGIN
    CREATE INDEX [IX_PolicyMessages_CreatedUtc] ON [PolicyMessages] ([CreatedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124035322_PolicyMessages'
)
BEGIN
    CREATE INDEX [IX_PolicyMessages_SourceUnitId] ON [PolicyMessages] ([SourceUnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124035322_PolicyMessages'
)
BEGIN
    CREATE INDEX [IX_PolicyMessages_Status_ActiveUntilUtc] ON [PolicyMessages] ([Status], [ActiveUntilUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124035322_PolicyMessages'
)
BEGIN
    CREATE UNIQUE INDEX [IX_TrackedLinks_AssignmentId_Platform] ON [TrackedLinks] ([AssignmentId], [Platform]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124035322_PolicyMessages'
)
BEGIN
    CREATE UNIQUE INDEX [IX_TrackedLinks_Token] ON [TrackedLinks] ([Token]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124035322_PolicyMessages'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124035322_PolicyMessages', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204135951_AssignmentsAndSharing'
)
BEGIN
    ALTER TABLE [TrackedLinks] ADD [OpenedUtc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204135951_AssignmentsAndSharing'
)
BEGIN
    ALTER TABLE [Notifications] ADD [Kind] nvarchar(30) NOT NULL DEFAULT N'NewAssignment';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204135951_AssignmentsAndSharing'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261204135951_AssignmentsAndSharing', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204140942_ShareReports'
)
BEGIN
    CREATE TABLE [ShareReports] (
        [Id] bigint NOT NULL IDENTITY,
        [AssignmentId] int NOT NULL,
        [AgentId] int NOT NULL,
        [MessageId] int NOT NULL,
        [UnitId] int NULL,
        [Platform] nvarchar(20) NOT NULL,
        [PostUrl] nvarchar(500) NULL,
        [ClaimKey] varchar(200) NULL,
        [LinkHandle] nvarchar(100) NULL,
        [PostedUtc] datetime2 NOT NULL,
        [SubmittedUtc] datetime2 NOT NULL,
        [SubmissionKey] uniqueidentifier NOT NULL,
        [State] nvarchar(20) NOT NULL,
        [DecisionReason] nvarchar(500) NULL,
        [ReviewedByUserId] nvarchar(64) NULL,
        [ReviewedUtc] datetime2 NULL,
        [CorrectionCount] int NOT NULL,
        [Flags] int NOT NULL,
        [ScreenshotPath] nvarchar(400) NULL,
        [ScreenshotContentType] nvarchar(50) NULL,
        [ScreenshotSha256] varchar(64) NULL,
        [FollowersAtSubmission] int NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_ShareReports] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ShareReports_Agents_AgentId] FOREIGN KEY ([AgentId]) REFERENCES [Agents] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ShareReports_Assignments_AssignmentId] FOREIGN KEY ([AssignmentId]) REFERENCES [Assignments] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ShareReports_PolicyMessages_MessageId] FOREIGN KEY ([MessageId]) REFERENCES [PolicyMessages] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ShareReports_Units_UnitId] FOREIGN KEY ([UnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204140942_ShareReports'
)
BEGIN
    CREATE TABLE [PublicResponses] (
        [Id] bigint NOT NULL IDENTITY,
        [ReportId] bigint NOT NULL,
        [MessageId] int NOT NULL,
        [AgentId] int NOT NULL,
        [Text] nvarchar(1000) NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [Sentiment] nvarchar(20) NOT NULL,
        [ConcernedUnitId] int NULL,
        [RoutedUnitId] int NULL,
        [Status] nvarchar(20) NOT NULL,
        [ResolutionNote] nvarchar(500) NULL,
        [RecordedUtc] datetime2 NOT NULL,
        [RoutedUtc] datetime2 NULL,
        [ResolvedUtc] datetime2 NULL,
        [ResolvedByUserId] nvarchar(64) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_PublicResponses] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PublicResponses_Agents_AgentId] FOREIGN KEY ([AgentId]) REFERENCES [Agents] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PublicResponses_PolicyMessages_MessageId] FOREIGN KEY ([MessageId]) REFERENCES [PolicyMessages] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PublicResponses_ShareReports_ReportId] FOREIGN KEY ([ReportId]) REFERENCES [ShareReports] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_PublicResponses_Units_ConcernedUnitId] FOREIGN KEY ([ConcernedUnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PublicResponses_Units_RoutedUnitId] FOREIGN KEY ([RoutedUnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204140942_ShareReports'
)
BEGIN
    CREATE TABLE [ReportSnapshots] (
        [Id] bigint NOT NULL IDENTITY,
        [ReportId] bigint NOT NULL,
        [Source] nvarchar(20) NOT NULL,
        [Window] nvarchar(20) NOT NULL,
        [TakenUtc] datetime2 NOT NULL,
        [Views] bigint NULL,
        [Reach] bigint NULL,
        [Likes] bigint NULL,
        [Comments] bigint NULL,
        [Reposts] bigint NULL,
        [Saves] bigint NULL,
        [CreatedByUserId] nvarchar(64) NULL,
        [CreatedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_ReportSnapshots] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ReportSnapshots_ShareReports_ReportId] FOREIGN KEY ([ReportId]) REFERENCES [ShareReports] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204140942_ShareReports'
)
BEGIN
    CREATE INDEX [IX_PublicResponses_AgentId] ON [PublicResponses] ([AgentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204140942_ShareReports'
)
BEGIN
    CREATE INDEX [IX_PublicResponses_ConcernedUnitId] ON [PublicResponses] ([ConcernedUnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204140942_ShareReports'
)
BEGIN
    CREATE INDEX [IX_PublicResponses_MessageId_Kind] ON [PublicResponses] ([MessageId], [Kind]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204140942_ShareReports'
)
BEGIN
    CREATE INDEX [IX_PublicResponses_ReportId] ON [PublicResponses] ([ReportId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204140942_ShareReports'
)
BEGIN
    CREATE INDEX [IX_PublicResponses_RoutedUnitId] ON [PublicResponses] ([RoutedUnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204140942_ShareReports'
)
BEGIN
    CREATE INDEX [IX_PublicResponses_Status_RecordedUtc] ON [PublicResponses] ([Status], [RecordedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204140942_ShareReports'
)
BEGIN
    CREATE INDEX [IX_ReportSnapshots_ReportId_TakenUtc] ON [ReportSnapshots] ([ReportId], [TakenUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204140942_ShareReports'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ShareReports_AgentId_SubmissionKey] ON [ShareReports] ([AgentId], [SubmissionKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204140942_ShareReports'
)
BEGIN
    CREATE INDEX [IX_ShareReports_AgentId_SubmittedUtc] ON [ShareReports] ([AgentId], [SubmittedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204140942_ShareReports'
)
BEGIN
    CREATE INDEX [IX_ShareReports_AssignmentId_Platform] ON [ShareReports] ([AssignmentId], [Platform]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204140942_ShareReports'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_ShareReports_ClaimKey] ON [ShareReports] ([ClaimKey]) WHERE [ClaimKey] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204140942_ShareReports'
)
BEGIN
    CREATE INDEX [IX_ShareReports_MessageId_State] ON [ShareReports] ([MessageId], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204140942_ShareReports'
)
BEGIN
    CREATE INDEX [IX_ShareReports_ScreenshotSha256] ON [ShareReports] ([ScreenshotSha256]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204140942_ShareReports'
)
BEGIN
    CREATE INDEX [IX_ShareReports_State_SubmittedUtc_Id] ON [ShareReports] ([State], [SubmittedUtc], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204140942_ShareReports'
)
BEGIN
    CREATE INDEX [IX_ShareReports_UnitId] ON [ShareReports] ([UnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204140942_ShareReports'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261204140942_ShareReports', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204164638_Rewards'
)
BEGIN
    ALTER TABLE [Institutions] ADD [ShowLeaderboardNames] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204164638_Rewards'
)
BEGIN
    CREATE TABLE [ConductRecords] (
        [Id] int NOT NULL IDENTITY,
        [AgentId] int NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [StartDate] date NOT NULL,
        [EndDate] date NULL,
        [Note] nvarchar(1000) NOT NULL,
        [RecordedByUserId] nvarchar(64) NULL,
        [RecordedUtc] datetime2 NOT NULL,
        [RevokedUtc] datetime2 NULL,
        [RevokedByUserId] nvarchar(64) NULL,
        [RevokeReason] nvarchar(500) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_ConductRecords] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ConductRecords_Agents_AgentId] FOREIGN KEY ([AgentId]) REFERENCES [Agents] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204164638_Rewards'
)
BEGIN
    CREATE TABLE [RewardSchemes] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(150) NOT NULL,
        [Description] nvarchar(1000) NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [CreatedByUserId] nvarchar(64) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_RewardSchemes] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204164638_Rewards'
)
BEGIN
    CREATE TABLE [RewardSchemeVersions] (
        [Id] int NOT NULL IDENTITY,
        [SchemeId] int NOT NULL,
        [Number] int NOT NULL,
        [State] nvarchar(20) NOT NULL,
        [RulesJson] nvarchar(max) NOT NULL,
        [ChangeNote] nvarchar(1000) NULL,
        [CreatedByUserId] nvarchar(64) NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [SubmittedUtc] datetime2 NULL,
        [ApprovedByUserId] nvarchar(64) NULL,
        [ApprovedUtc] datetime2 NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_RewardSchemeVersions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RewardSchemeVersions_RewardSchemes_SchemeId] FOREIGN KEY ([SchemeId]) REFERENCES [RewardSchemes] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204164638_Rewards'
)
BEGIN
    CREATE TABLE [RewardPeriods] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(100) NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [StartDate] date NOT NULL,
        [EndDate] date NOT NULL,
        [SchemeId] int NOT NULL,
        [State] nvarchar(20) NOT NULL,
        [CurrentRunId] int NULL,
        [SchemeVersionId] int NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [CreatedByUserId] nvarchar(64) NULL,
        [ApprovedUtc] datetime2 NULL,
        [ApprovedByUserId] nvarchar(64) NULL,
        [ClosedUtc] datetime2 NULL,
        [ClosedByUserId] nvarchar(64) NULL,
        [ReopenedUtc] datetime2 NULL,
        [ReopenedByUserId] nvarchar(64) NULL,
        [ReopenReason] nvarchar(500) NULL,
        [Notes] nvarchar(4000) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_RewardPeriods] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RewardPeriods_RewardSchemeVersions_SchemeVersionId] FOREIGN KEY ([SchemeVersionId]) REFERENCES [RewardSchemeVersions] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_RewardPeriods_RewardSchemes_SchemeId] FOREIGN KEY ([SchemeId]) REFERENCES [RewardSchemes] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204164638_Rewards'
)
BEGIN
    CREATE TABLE [RewardRuns] (
        [Id] int NOT NULL IDENTITY,
        [PeriodId] int NOT NULL,
        [Number] int NOT NULL,
        [SchemeVersionId] int NOT NULL,
        [ComputedUtc] datetime2 NOT NULL,
        [ComputedByUserId] nvarchar(64) NULL,
        [ApprovedUtc] datetime2 NULL,
        [ApprovedByUserId] nvarchar(64) NULL,
        [Agents] int NOT NULL,
        [Eligible] int NOT NULL,
        [Recognised] int NOT NULL,
        [IncentiveTotal] bigint NOT NULL,
        [Recommendations] int NOT NULL,
        [CountedShares] int NOT NULL,
        [ResultHash] varchar(64) NOT NULL,
        CONSTRAINT [PK_RewardRuns] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RewardRuns_RewardPeriods_PeriodId] FOREIGN KEY ([PeriodId]) REFERENCES [RewardPeriods] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_RewardRuns_RewardSchemeVersions_SchemeVersionId] FOREIGN KEY ([SchemeVersionId]) REFERENCES [RewardSchemeVersions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204164638_Rewards'
)
BEGIN
    CREATE TABLE [RewardResults] (
        [Id] bigint NOT NULL IDENTITY,
        [RunId] int NOT NULL,
        [AgentId] int NOT NULL,
        [UnitId] int NULL,
        [EmploymentType] nvarchar(20) NOT NULL,
        [Ineligible] int NOT NULL,
        [SharePoints] decimal(18,2) NOT NULL,
        [TimelyPoints] decimal(18,2) NOT NULL,
        [DeductionPoints] decimal(18,2) NOT NULL,
        [Participation] decimal(18,2) NOT NULL,
        [Engagement] decimal(18,2) NOT NULL,
        [Score] decimal(18,2) NOT NULL,
        [CountedShares] int NOT NULL,
        [UncountedShares] int NOT NULL,
        [Assignments] int NOT NULL,
        [AssignmentsShared] int NOT NULL,
        [Rank] int NULL,
        [UnitRank] int NULL,
        [TopPercent] decimal(9,4) NULL,
        [PromotionStreak] int NOT NULL,
        [Outcomes] int NOT NULL,
        [IncentiveTierAmount] bigint NOT NULL,
        [IncentiveAmount] bigint NOT NULL,
        [Lines] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_RewardResults] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RewardResults_Agents_AgentId] FOREIGN KEY ([AgentId]) REFERENCES [Agents] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_RewardResults_RewardRuns_RunId] FOREIGN KEY ([RunId]) REFERENCES [RewardRuns] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204164638_Rewards'
)
BEGIN
    CREATE INDEX [IX_ConductRecords_AgentId_StartDate] ON [ConductRecords] ([AgentId], [StartDate]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204164638_Rewards'
)
BEGIN
    CREATE UNIQUE INDEX [IX_RewardPeriods_Name] ON [RewardPeriods] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204164638_Rewards'
)
BEGIN
    CREATE INDEX [IX_RewardPeriods_SchemeId] ON [RewardPeriods] ([SchemeId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204164638_Rewards'
)
BEGIN
    CREATE INDEX [IX_RewardPeriods_SchemeVersionId] ON [RewardPeriods] ([SchemeVersionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204164638_Rewards'
)
BEGIN
    CREATE INDEX [IX_RewardPeriods_StartDate_EndDate] ON [RewardPeriods] ([StartDate], [EndDate]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204164638_Rewards'
)
BEGIN
    CREATE INDEX [IX_RewardResults_AgentId] ON [RewardResults] ([AgentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204164638_Rewards'
)
BEGIN
    CREATE UNIQUE INDEX [IX_RewardResults_RunId_AgentId] ON [RewardResults] ([RunId], [AgentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204164638_Rewards'
)
BEGIN
    CREATE INDEX [IX_RewardResults_RunId_Rank] ON [RewardResults] ([RunId], [Rank]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204164638_Rewards'
)
BEGIN
    CREATE INDEX [IX_RewardResults_RunId_UnitId] ON [RewardResults] ([RunId], [UnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204164638_Rewards'
)
BEGIN
    CREATE UNIQUE INDEX [IX_RewardRuns_PeriodId_Number] ON [RewardRuns] ([PeriodId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204164638_Rewards'
)
BEGIN
    CREATE INDEX [IX_RewardRuns_SchemeVersionId] ON [RewardRuns] ([SchemeVersionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204164638_Rewards'
)
BEGIN
    CREATE UNIQUE INDEX [IX_RewardSchemes_Name] ON [RewardSchemes] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204164638_Rewards'
)
BEGIN
    CREATE UNIQUE INDEX [IX_RewardSchemeVersions_SchemeId_Number] ON [RewardSchemeVersions] ([SchemeId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204164638_Rewards'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261204164638_Rewards', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204204932_Documents'
)
BEGIN
    CREATE TABLE [DocumentCounters] (
        [Kind] nvarchar(30) NOT NULL,
        [Year] int NOT NULL,
        [LastSequence] int NOT NULL,
        CONSTRAINT [PK_DocumentCounters] PRIMARY KEY ([Kind], [Year])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204204932_Documents'
)
BEGIN
    CREATE TABLE [DocumentNumberFormats] (
        [Kind] nvarchar(30) NOT NULL,
        [Pattern] nvarchar(100) NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_DocumentNumberFormats] PRIMARY KEY ([Kind])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204204932_Documents'
)
BEGIN
    CREATE TABLE [IssuedDocuments] (
        [Id] bigint NOT NULL IDENTITY,
        [Kind] nvarchar(30) NOT NULL,
        [SubjectKey] nvarchar(100) NOT NULL,
        [Subject] nvarchar(300) NOT NULL,
        [Number] nvarchar(100) NOT NULL,
        [Year] int NOT NULL,
        [Sequence] int NOT NULL,
        [VerificationCode] varchar(16) NOT NULL,
        [IssuedOn] date NOT NULL,
        [SignerName] nvarchar(200) NULL,
        [SignerTitle] nvarchar(200) NULL,
        [SignedElectronically] bit NOT NULL,
        [FinalisedUtc] datetime2 NOT NULL,
        [FinalisedByUserId] nvarchar(64) NULL,
        [Sha256] varchar(64) NOT NULL,
        [Length] bigint NOT NULL,
        [FileName] nvarchar(150) NOT NULL,
        [PeriodId] int NULL,
        [AgentId] int NULL,
        [MessageId] int NULL,
        CONSTRAINT [PK_IssuedDocuments] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204204932_Documents'
)
BEGIN
    CREATE TABLE [IssuedDocumentContents] (
        [DocumentId] bigint NOT NULL,
        [Bytes] varbinary(max) NOT NULL,
        CONSTRAINT [PK_IssuedDocumentContents] PRIMARY KEY ([DocumentId]),
        CONSTRAINT [FK_IssuedDocumentContents_IssuedDocuments_DocumentId] FOREIGN KEY ([DocumentId]) REFERENCES [IssuedDocuments] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204204932_Documents'
)
BEGIN
    CREATE UNIQUE INDEX [IX_IssuedDocuments_Kind_SubjectKey] ON [IssuedDocuments] ([Kind], [SubjectKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204204932_Documents'
)
BEGIN
    CREATE UNIQUE INDEX [IX_IssuedDocuments_Kind_Year_Sequence] ON [IssuedDocuments] ([Kind], [Year], [Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204204932_Documents'
)
BEGIN
    CREATE INDEX [IX_IssuedDocuments_MessageId] ON [IssuedDocuments] ([MessageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204204932_Documents'
)
BEGIN
    CREATE INDEX [IX_IssuedDocuments_PeriodId] ON [IssuedDocuments] ([PeriodId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204204932_Documents'
)
BEGIN
    CREATE UNIQUE INDEX [IX_IssuedDocuments_VerificationCode] ON [IssuedDocuments] ([VerificationCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204204932_Documents'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261204204932_Documents', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205183350_Aggregates'
)
BEGIN
    CREATE TABLE [AggAgentActivity] (
        [AgentId] int NOT NULL,
        [Year] int NOT NULL,
        [UnitId] int NOT NULL,
        [Mission] nvarchar(20) NOT NULL,
        [Platform] nvarchar(20) NOT NULL,
        [D0] bigint NOT NULL,
        [D1] bigint NOT NULL,
        [D2] bigint NOT NULL,
        [D3] bigint NOT NULL,
        [D4] bigint NOT NULL,
        [D5] bigint NOT NULL,
        CONSTRAINT [PK_AggAgentActivity] PRIMARY KEY ([AgentId], [Year], [UnitId], [Mission], [Platform])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205183350_Aggregates'
)
BEGIN
    CREATE TABLE [AggDailyResponses] (
        [Day] date NOT NULL,
        [UnitId] int NOT NULL,
        [MessageId] int NOT NULL,
        [Platform] nvarchar(20) NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [Count] int NOT NULL,
        [Closed] int NOT NULL,
        [Open] int NOT NULL,
        CONSTRAINT [PK_AggDailyResponses] PRIMARY KEY ([Day], [UnitId], [MessageId], [Platform], [Kind])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205183350_Aggregates'
)
BEGIN
    CREATE TABLE [AggDailyShares] (
        [Day] date NOT NULL,
        [UnitId] int NOT NULL,
        [MessageId] int NOT NULL,
        [Platform] nvarchar(20) NOT NULL,
        [Reports] int NOT NULL,
        [Verified] int NOT NULL,
        [Rejected] int NOT NULL,
        [Pending] int NOT NULL,
        [Flagged] int NOT NULL,
        [Reach] bigint NOT NULL,
        [Views] bigint NOT NULL,
        [Comments] bigint NOT NULL,
        [Reposts] bigint NOT NULL,
        [Saves] bigint NOT NULL,
        [Clicks] int NOT NULL,
        [Visitors] int NOT NULL,
        CONSTRAINT [PK_AggDailyShares] PRIMARY KEY ([Day], [UnitId], [MessageId], [Platform])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205183350_Aggregates'
)
BEGIN
    CREATE TABLE [AggDirtyDays] (
        [Id] bigint NOT NULL IDENTITY,
        [AtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_AggDirtyDays] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205183350_Aggregates'
)
BEGIN
    CREATE TABLE [AggRefreshState] (
        [Id] int NOT NULL,
        [ClaimedBy] nvarchar(100) NULL,
        [ClaimedUntilUtc] datetime2 NULL,
        [LastRefreshedUtc] datetime2 NULL,
        [LastFullRebuildUtc] datetime2 NULL,
        CONSTRAINT [PK_AggRefreshState] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205183350_Aggregates'
)
BEGIN
    CREATE TABLE [AggUnitWeeks] (
        [WeekStart] date NOT NULL,
        [UnitId] int NOT NULL,
        [ActiveAgents] int NOT NULL,
        CONSTRAINT [PK_AggUnitWeeks] PRIMARY KEY ([WeekStart], [UnitId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205183350_Aggregates'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'ClaimedBy', N'ClaimedUntilUtc', N'LastFullRebuildUtc', N'LastRefreshedUtc') AND [object_id] = OBJECT_ID(N'[AggRefreshState]'))
        SET IDENTITY_INSERT [AggRefreshState] ON;
    EXEC(N'INSERT INTO [AggRefreshState] ([Id], [ClaimedBy], [ClaimedUntilUtc], [LastFullRebuildUtc], [LastRefreshedUtc])
    VALUES (1, NULL, NULL, NULL, NULL)');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'ClaimedBy', N'ClaimedUntilUtc', N'LastFullRebuildUtc', N'LastRefreshedUtc') AND [object_id] = OBJECT_ID(N'[AggRefreshState]'))
        SET IDENTITY_INSERT [AggRefreshState] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205183350_Aggregates'
)
BEGIN
    CREATE INDEX [IX_ShareReports_PostedUtc] ON [ShareReports] ([PostedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205183350_Aggregates'
)
BEGIN
    CREATE INDEX [IX_PublicResponses_RecordedUtc] ON [PublicResponses] ([RecordedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205183350_Aggregates'
)
BEGIN
    CREATE INDEX [IX_LinkClicks_OccurredUtc] ON [LinkClicks] ([OccurredUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205183350_Aggregates'
)
BEGIN
    CREATE INDEX [IX_AggAgentActivity_Year_UnitId] ON [AggAgentActivity] ([Year], [UnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205183350_Aggregates'
)
BEGIN
    CREATE INDEX [IX_AggDailyShares_MessageId_Day] ON [AggDailyShares] ([MessageId], [Day]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205183350_Aggregates'
)
BEGIN
    CREATE INDEX [IX_AggDirtyDays_AtUtc] ON [AggDirtyDays] ([AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205183350_Aggregates'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205183350_Aggregates', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205224440_ElectionPeriodVersion'
)
BEGIN
    ALTER TABLE [ElectionPeriods] ADD [Version] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205224440_ElectionPeriodVersion'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205224440_ElectionPeriodVersion', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206000705_DailyCorrectedCount'
)
BEGIN
    ALTER TABLE [AggDailyShares] ADD [Corrected] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206000705_DailyCorrectedCount'
)
BEGIN
    UPDATE AggRefreshState SET LastFullRebuildUtc = NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206000705_DailyCorrectedCount'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206000705_DailyCorrectedCount', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206004752_MonthlyAggregates'
)
BEGIN
    CREATE TABLE [AggMonthlyResponses] (
        [Month] date NOT NULL,
        [UnitId] int NOT NULL,
        [MessageId] int NOT NULL,
        [Platform] nvarchar(20) NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [Count] int NOT NULL,
        [Closed] int NOT NULL,
        [Open] int NOT NULL,
        CONSTRAINT [PK_AggMonthlyResponses] PRIMARY KEY ([Month], [UnitId], [MessageId], [Platform], [Kind])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206004752_MonthlyAggregates'
)
BEGIN
    CREATE TABLE [AggMonthlyShares] (
        [Month] date NOT NULL,
        [UnitId] int NOT NULL,
        [MessageId] int NOT NULL,
        [Platform] nvarchar(20) NOT NULL,
        [Reports] int NOT NULL,
        [Verified] int NOT NULL,
        [Rejected] int NOT NULL,
        [Pending] int NOT NULL,
        [Flagged] int NOT NULL,
        [Corrected] int NOT NULL,
        [Reach] bigint NOT NULL,
        [Views] bigint NOT NULL,
        [Comments] bigint NOT NULL,
        [Reposts] bigint NOT NULL,
        [Saves] bigint NOT NULL,
        [Clicks] int NOT NULL,
        [Visitors] int NOT NULL,
        CONSTRAINT [PK_AggMonthlyShares] PRIMARY KEY ([Month], [UnitId], [MessageId], [Platform])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206004752_MonthlyAggregates'
)
BEGIN
    CREATE INDEX [IX_AggMonthlyShares_MessageId_Month] ON [AggMonthlyShares] ([MessageId], [Month]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206004752_MonthlyAggregates'
)
BEGIN
    UPDATE AggRefreshState SET LastFullRebuildUtc = NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206004752_MonthlyAggregates'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206004752_MonthlyAggregates', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206032519_MonthlyMessageAggregates'
)
BEGIN
    CREATE TABLE [AggMonthlyMessageResponses] (
        [Month] date NOT NULL,
        [MessageId] int NOT NULL,
        [Platform] nvarchar(20) NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [Count] int NOT NULL,
        [Closed] int NOT NULL,
        [Open] int NOT NULL,
        CONSTRAINT [PK_AggMonthlyMessageResponses] PRIMARY KEY ([Month], [MessageId], [Platform], [Kind])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206032519_MonthlyMessageAggregates'
)
BEGIN
    CREATE TABLE [AggMonthlyMessageShares] (
        [Month] date NOT NULL,
        [MessageId] int NOT NULL,
        [Platform] nvarchar(20) NOT NULL,
        [Reports] int NOT NULL,
        [Verified] int NOT NULL,
        [Rejected] int NOT NULL,
        [Pending] int NOT NULL,
        [Flagged] int NOT NULL,
        [Corrected] int NOT NULL,
        [Reach] bigint NOT NULL,
        [Views] bigint NOT NULL,
        [Comments] bigint NOT NULL,
        [Reposts] bigint NOT NULL,
        [Saves] bigint NOT NULL,
        [Clicks] int NOT NULL,
        [Visitors] int NOT NULL,
        CONSTRAINT [PK_AggMonthlyMessageShares] PRIMARY KEY ([Month], [MessageId], [Platform])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206032519_MonthlyMessageAggregates'
)
BEGIN
    UPDATE AggRefreshState SET LastFullRebuildUtc = NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206032519_MonthlyMessageAggregates'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206032519_MonthlyMessageAggregates', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206034900_AgentYearActivity'
)
BEGIN
    CREATE TABLE [AggAgentYears] (
        [AgentId] int NOT NULL,
        [Year] int NOT NULL,
        [D0] bigint NOT NULL,
        [D1] bigint NOT NULL,
        [D2] bigint NOT NULL,
        [D3] bigint NOT NULL,
        [D4] bigint NOT NULL,
        [D5] bigint NOT NULL,
        CONSTRAINT [PK_AggAgentYears] PRIMARY KEY ([AgentId], [Year])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206034900_AgentYearActivity'
)
BEGIN
    UPDATE AggRefreshState SET LastFullRebuildUtc = NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206034900_AgentYearActivity'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206034900_AgentYearActivity', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206043802_EnrolmentStampIndexes'
)
BEGIN
    CREATE INDEX [IX_SocialAccounts_Version] ON [SocialAccounts] ([Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206043802_EnrolmentStampIndexes'
)
BEGIN
    CREATE INDEX [IX_Employees_Version] ON [Employees] ([Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206043802_EnrolmentStampIndexes'
)
BEGIN
    CREATE INDEX [IX_Agents_Version] ON [Agents] ([Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206043802_EnrolmentStampIndexes'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206043802_EnrolmentStampIndexes', N'10.0.14');
END;

COMMIT;
GO

