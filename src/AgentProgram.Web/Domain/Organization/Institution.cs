using AgentProgram.Web.Domain.Audit;

namespace AgentProgram.Web.Domain.Organization;

/// <summary>The instansi running this installation (one per installation).</summary>
public class Institution : IAudited
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string ShortName { get; set; } = "";
    public string? Address { get; set; }
    public string? City { get; set; }
    public string? Phone { get; set; }
    public string? Website { get; set; }
}

/// <summary>
/// A unit kerja of any depth. Eselon is optional and never shapes the tree: many units are now
/// led by a functional team lead (DOMAIN.md §3).
/// </summary>
public class Unit : IAudited
{
    public int Id { get; set; }
    public int? ParentId { get; set; }
    public Unit? Parent { get; set; }
    public string Name { get; set; } = "";
    public string? Code { get; set; }
    public string? Eselon { get; set; }
    public string? HeadTitle { get; set; }
    public string? SiasnUnorId { get; set; }
    public bool IsClosed { get; set; }
    public List<Unit> Children { get; } = [];
}
