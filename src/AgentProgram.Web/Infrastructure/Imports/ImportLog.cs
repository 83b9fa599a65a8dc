namespace AgentProgram.Web.Infrastructure.Imports;

/// <summary>Import log lines: batch ids and counts only, never a NIP, a name or a message that quotes the file.</summary>
internal static partial class ImportLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Import batch {BatchId} ({Kind}) completed: {New} new, {Updated} updated, {Unchanged} unchanged, {Warned} warned, {Rejected} rejected.")]
    public static partial void Completed(ILogger logger, int batchId, AgentProgram.Web.Domain.Imports.ImportKind kind, int @new, int updated, int unchanged, int warned, int rejected);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import batch {BatchId} stopped running under the importer (marked abandoned); left as it is.")]
    public static partial void Stopped(ILogger logger, int batchId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import batch {BatchId} was abandoned while running and is marked failed.")]
    public static partial void Abandoned(ILogger logger, int batchId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import batch {BatchId} failed.")]
    public static partial void Failed(ILogger logger, Exception exception, int batchId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The import worker failed a cycle; it retries shortly.")]
    public static partial void CycleFailed(ILogger logger, Exception exception);
}
