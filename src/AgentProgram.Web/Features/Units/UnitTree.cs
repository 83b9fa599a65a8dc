using AgentProgram.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Units;

/// <summary>One unit as the tree needs it (read without tracking).</summary>
public sealed record UnitNode(int Id, int? ParentId, string Name, string? Code, string? Eselon, string? HeadTitle, string? SiasnUnorId, bool IsClosed, int Version);

/// <summary>A unit in tree order with its depth (0 for a top-level unit).</summary>
public sealed record UnitPlace(UnitNode Unit, int Depth);

/// <summary>
/// The whole unit table in memory (an institution has hundreds of units, not millions): tree order,
/// paths, descendants and cycle checks without a query per level. Defensive against bad data: a
/// parent that does not exist makes a top-level unit, and units on a cycle are still listed once.
/// </summary>
public sealed class UnitTree
{
    public const string PathSeparator = " › ";

    private readonly Dictionary<int, UnitNode> _byId;
    private readonly ILookup<int, UnitNode> _children;

    public UnitTree(IEnumerable<UnitNode> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        _byId = units.ToDictionary(u => u.Id);
        _children = _byId.Values.Where(u => u.ParentId is { } p && _byId.ContainsKey(p) && p != u.Id)
            .OrderBy(u => u.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(u => u.Id)
            .ToLookup(u => u.ParentId!.Value);
        Ordered = Walk();
    }

    public static async Task<UnitTree> LoadAsync(AppDbContext db, CancellationToken ct = default) =>
        new(await db.Units.AsNoTracking()
            .Select(u => new UnitNode(u.Id, u.ParentId, u.Name, u.Code, u.Eselon, u.HeadTitle, u.SiasnUnorId, u.IsClosed, u.Version))
            .ToListAsync(ct));

    /// <summary>Every unit once, parents before children, siblings by name.</summary>
    public IReadOnlyList<UnitPlace> Ordered { get; }

    public int Count => _byId.Count;

    public UnitNode? Find(int id) => _byId.GetValueOrDefault(id);

    public IEnumerable<UnitNode> ChildrenOf(int id) => _children[id];

    /// <summary>The unit and everything under it, at any depth.</summary>
    public IReadOnlySet<int> SelfAndDescendants(int id)
    {
        var found = new HashSet<int>();
        if (!_byId.ContainsKey(id)) return found;
        var stack = new Stack<int>([id]);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (!found.Add(current)) continue;
            foreach (var child in _children[current]) stack.Push(child.Id);
        }
        return found;
    }

    /// <summary>From the top-level unit down to this one.</summary>
    public IReadOnlyList<UnitNode> PathOf(int id)
    {
        var path = new List<UnitNode>();
        var seen = new HashSet<int>();
        for (var current = Find(id); current is not null && seen.Add(current.Id); current = current.ParentId is { } p ? Find(p) : null)
            path.Add(current);
        path.Reverse();
        return path;
    }

    /// <summary>"Dinas Kesehatan › Bidang P2P › Seksi Surveilans".</summary>
    public string PathText(int id) => string.Join(PathSeparator, PathOf(id).Select(u => u.Name));

    private List<UnitPlace> Walk()
    {
        var ordered = new List<UnitPlace>(_byId.Count);
        var placed = new HashSet<int>();
        void From(IEnumerable<UnitNode> roots)
        {
            var stack = new Stack<UnitPlace>(roots.Reverse().Select(r => new UnitPlace(r, 0)));
            while (stack.Count > 0)
            {
                var place = stack.Pop();
                if (!placed.Add(place.Unit.Id)) continue;
                ordered.Add(place);
                foreach (var child in _children[place.Unit.Id].Reverse()) stack.Push(new UnitPlace(child, place.Depth + 1));
            }
        }

        From(_byId.Values.Where(u => u.ParentId is not { } p || !_byId.ContainsKey(p) || p == u.Id)
            .OrderBy(u => u.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(u => u.Id));
        // Whatever is left sits on a cycle (only bad imported data can make one): list it anyway.
        From(_byId.Values.Where(u => !placed.Contains(u.Id)).OrderBy(u => u.Id));
        return ordered;
    }

    /// <summary>Indentation for option labels and table cells (em spaces survive in a select).</summary>
    public static string Indent(int depth) => depth <= 0 ? "" : new string('\u2003', depth) + "└ ";
}
