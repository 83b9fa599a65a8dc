namespace AgentProgram.Web.Domain.Imports;

public enum ImportKind
{
    Employees,
    Units,
}

public enum ImportState
{
    /// <summary>Uploaded and analysed; waiting for the officer to confirm.</summary>
    Previewed,
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>
/// One uploaded file and what became of it. The file itself is kept only until the import ends
/// (data minimisation); counts and per-row issues stay as the import log.
/// </summary>
public class ImportBatch
{
    public int Id { get; set; }
    public ImportKind Kind { get; set; }
    public string FileName { get; set; } = "";
    public string? UploadedByUserId { get; set; }
    public DateTime UploadedUtc { get; set; }
    public ImportState State { get; set; }

    /// <summary>The uploaded bytes, cleared when the import completes or fails.</summary>
    public byte[]? Content { get; set; }

    /// <summary>JSON: canonical column → file header chosen by the officer.</summary>
    public string? MappingJson { get; set; }

    public int TotalRows { get; set; }
    public int ProcessedRows { get; set; }
    public int NewCount { get; set; }
    public int UpdatedCount { get; set; }
    public int UnchangedCount { get; set; }
    public int WarnedCount { get; set; }
    public int RejectedCount { get; set; }

    public DateTime? StartedUtc { get; set; }
    public DateTime? CompletedUtc { get; set; }
    public string? FailureMessage { get; set; }

    public List<ImportRowIssue> Issues { get; } = [];
}

/// <summary>A rejected or warned row, for the downloadable list HR works through.</summary>
public class ImportRowIssue
{
    public long Id { get; set; }
    public int BatchId { get; set; }
    public int RowNumber { get; set; }
    public string? Nip { get; set; }
    public string? Name { get; set; }
    public bool IsError { get; set; }
    public int Code { get; set; }
    public string Message { get; set; } = "";
}
