using AgentProgram.Web.Data;
using AgentProgram.Web.Features.Units;

namespace AgentProgram.Web.Features.PublicResponses;

/// <summary>A unit in a picker: indented by depth, parents before children.</summary>
public sealed record UnitOption(int Id, string Name, int Depth, bool IsClosed)
{
    public string Label => UnitTree.Indent(Depth) + Name;
}

/// <summary>The unit tree as pickers and tables of this feature need it: options in tree order and names by id.</summary>
public sealed class ResponseUnits
{
    private ResponseUnits(UnitTree tree)
    {
        Tree = tree;
        Options = [.. tree.Ordered.Select(p => new UnitOption(p.Unit.Id, p.Unit.Name, p.Depth, p.Unit.IsClosed))];
    }

    public UnitTree Tree { get; }

    public IReadOnlyList<UnitOption> Options { get; }

    public bool Exists(int id) => Tree.Find(id) is not null;

    public string? NameOf(int? id) => id is { } u ? Tree.Find(u)?.Name : null;

    public static async Task<ResponseUnits> LoadAsync(AppDbContext db, CancellationToken ct = default) =>
        new(await UnitTree.LoadAsync(db, ct));
}
