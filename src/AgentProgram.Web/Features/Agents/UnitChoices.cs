using AgentProgram.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Agents;

/// <summary>One unit in a filter list: indented by depth, parents before their children.</summary>
public sealed record UnitChoice(int Id, string Name, int Depth, bool IsClosed);

/// <summary>
/// The unit tree for the "unit kerja, including sub-units" filters of the agent pages. The tree is
/// small (hundreds of units at most), so it is read once per request and walked in memory.
/// </summary>
public sealed class UnitTree
{
    private readonly Dictionary<int, List<int>> _children;

    private UnitTree(IReadOnlyList<UnitChoice> choices, Dictionary<int, List<int>> children)
    {
        Choices = choices;
        _children = children;
    }

    public IReadOnlyList<UnitChoice> Choices { get; }

    public bool Contains(int id) => Choices.Any(c => c.Id == id);

    /// <summary>The unit and every unit below it, at any depth.</summary>
    public List<int> WithDescendants(int id)
    {
        var result = new List<int>();
        var seen = new HashSet<int>();
        var stack = new Stack<int>([id]);
        while (stack.Count > 0)
        {
            var u = stack.Pop();
            if (!seen.Add(u)) continue; // guards against a cycle in bad data
            result.Add(u);
            foreach (var c in _children.GetValueOrDefault(u, [])) stack.Push(c);
        }
        return result;
    }

    public static async Task<UnitTree> LoadAsync(AppDbContext db, CancellationToken ct = default)
    {
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId, u.Name, u.IsClosed }).ToListAsync(ct);
        var ids = units.Select(u => u.Id).ToHashSet();
        var children = units.Where(u => u.ParentId is { } p && ids.Contains(p))
            .GroupBy(u => u.ParentId!.Value)
            .ToDictionary(g => g.Key, g => g.OrderBy(u => u.Name, StringComparer.CurrentCulture).Select(u => u.Id).ToList());
        var byId = units.ToDictionary(u => u.Id);
        var ordered = new List<UnitChoice>();
        var placed = new HashSet<int>();
        void Walk(int id, int depth)
        {
            if (!placed.Add(id)) return;
            var u = byId[id];
            ordered.Add(new UnitChoice(u.Id, u.Name, depth, u.IsClosed));
            foreach (var c in children.GetValueOrDefault(id, [])) Walk(c, depth + 1);
        }
        foreach (var root in units.Where(u => u.ParentId is not { } p || !ids.Contains(p)).OrderBy(u => u.Name, StringComparer.CurrentCulture))
            Walk(root.Id, 0);
        foreach (var u in units) Walk(u.Id, 0); // units caught in a cycle still appear
        return new UnitTree(ordered, children);
    }
}
