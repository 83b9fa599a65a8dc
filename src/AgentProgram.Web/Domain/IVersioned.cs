namespace AgentProgram.Web.Domain;

/// <summary>
/// A record two officers may edit at once. Version is a concurrency token that works the same on
/// SQLite and SQL Server: AppDbContext increments it on every update, and a save based on an older
/// version fails instead of silently overwriting.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
