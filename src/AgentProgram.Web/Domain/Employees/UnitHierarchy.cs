namespace AgentProgram.Web.Domain.Employees;

/// <summary>One row of the unit hierarchy file (<c>ID, NAMA_UNOR, ID_ATASAN</c>). Line is the file line, for messages.</summary>
public sealed record UnitRow(string Id, string Name, string? ParentId, string? HeadTitle = null, int Line = 0);

/// <summary>A unit that can be created, in creation order. ParentId is null for a root; Depth 0 for units whose parent is not in this file.</summary>
public sealed record OrderedUnit(UnitRow Row, string? ParentId, int Depth);

public sealed record UnitProblem(UnitRow Row, ImportIssue Issue);

/// <param name="Ordered">Parents before children; siblings in file order. Only units that can be created.</param>
/// <param name="Problems">Rows that cannot be created, in file order, one issue each.</param>
/// <param name="Cycles">Each cycle as unit ids, following the parent links.</param>
public sealed record UnitHierarchyResult(
    IReadOnlyList<OrderedUnit> Ordered,
    IReadOnlyList<UnitProblem> Problems,
    IReadOnlyList<IReadOnlyList<string>> Cycles);

/// <summary>
/// Orders a unit hierarchy file so that every unit is created after its parent (DOMAIN.md §3, §5:
/// build the tree first, then attach people by UNOR ID). Any depth. Never throws on bad data:
/// cycles, missing parents, duplicate ids and blank ids or names are reported, and the units
/// under a rejected unit are reported too rather than created in the wrong place.
/// </summary>
public static class UnitHierarchy
{
    /// <summary>Parent values meaning "no parent" when no unit has that id.</summary>
    private static readonly string[] RootMarkers = ["0", "-", "NULL"];

    /// <param name="existingIds">Units already in the application: a parent found there is fine.</param>
    public static UnitHierarchyResult Build(IEnumerable<UnitRow> rows, IReadOnlySet<string>? existingIds = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var all = rows.ToList();
        var problems = new List<(int Index, UnitProblem Problem)>();
        void Report(int index, ImportIssue issue) => problems.Add((index, new UnitProblem(all[index], issue)));

        // 1. Accept rows with an id and a name; the first of duplicate ids wins.
        var byId = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var nameless = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < all.Count; i++)
        {
            string id = Clean(all[i].Id), name = Clean(all[i].Name);
            if (id.Length == 0)
                Report(i, ImportIssue.Error(ImportIssueCode.UnitIdMissing, EmployeeMessages.UnitIdMissing, name));
            else if (byId.TryGetValue(id, out var first))
                Report(i, ImportIssue.Error(ImportIssueCode.UnitDuplicateId, EmployeeMessages.UnitDuplicateId, id, Clean(all[first].Name), name));
            else if (name.Length == 0)
            {
                if (nameless.Add(id)) Report(i, ImportIssue.Error(ImportIssueCode.UnitNameMissing, EmployeeMessages.UnitNameMissing, id));
            }
            else
                byId[id] = i;
        }

        // 2. Resolve each accepted row's parent.
        var parentOf = new Dictionary<int, int>();          // child index → parent index (parent in this file)
        var externalParent = new Dictionary<int, string?>(); // roots of this file → null or an existing unit's id
        var children = byId.Values.ToDictionary(i => i, _ => new List<int>());
        var blocked = new HashSet<int>();
        foreach (var i in byId.Values.Order())
        {
            string id = Clean(all[i].Id), parent = Clean(all[i].ParentId);
            if (parent.Length == 0 || string.Equals(parent, id, StringComparison.OrdinalIgnoreCase)
                || (RootMarkers.Contains(parent, StringComparer.OrdinalIgnoreCase) && !byId.ContainsKey(parent)))
                externalParent[i] = null;
            else if (byId.TryGetValue(parent, out var p))
            {
                parentOf[i] = p;
                children[p].Add(i);
            }
            else if (existingIds?.Contains(parent) == true)
                externalParent[i] = parent;
            else
            {
                blocked.Add(i);
                Report(i, nameless.Contains(parent)
                    ? ImportIssue.Error(ImportIssueCode.UnitParentRejected, EmployeeMessages.UnitParentRejected, Clean(all[i].Name), id, parent)
                    : ImportIssue.Error(ImportIssueCode.UnitParentMissing, EmployeeMessages.UnitParentMissing, Clean(all[i].Name), id, parent));
            }
        }

        // 3. Walk down from the roots: parents first, siblings in file order.
        var ordered = new List<OrderedUnit>();
        var placed = new HashSet<int>();
        var stack = new Stack<(int Index, int Depth)>();
        foreach (var root in externalParent.Keys.Order().Reverse()) stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (i, depth) = stack.Pop();
            placed.Add(i);
            var parentId = parentOf.TryGetValue(i, out var p) ? Clean(all[p].Id) : externalParent[i];
            ordered.Add(new OrderedUnit(all[i], parentId, depth));
            for (var c = children[i].Count - 1; c >= 0; c--) stack.Push((children[i][c], depth + 1));
        }

        // 4. What is left sits on a cycle or under a unit that cannot be created.
        var cycles = new List<IReadOnlyList<string>>();
        var onCycle = new HashSet<int>();
        var seen = new HashSet<int>();
        foreach (var start in byId.Values.Order().Where(i => !placed.Contains(i) && !blocked.Contains(i)))
        {
            var path = new List<int>();
            var current = start;
            while (!seen.Contains(current) && !blocked.Contains(current) && parentOf.ContainsKey(current))
            {
                seen.Add(current);
                path.Add(current);
                current = parentOf[current];
            }
            var loopStart = path.IndexOf(current);
            if (loopStart < 0) continue;
            var loop = path.Skip(loopStart).ToList();
            cycles.Add([.. loop.Select(i => Clean(all[i].Id))]);
            var text = string.Join(" → ", loop.Append(loop[0]).Select(i => Clean(all[i].Name)));
            foreach (var i in loop)
            {
                onCycle.Add(i);
                Report(i, ImportIssue.Error(ImportIssueCode.UnitCycle, EmployeeMessages.UnitCycle, Clean(all[i].Name), Clean(all[i].Id), text));
            }
        }
        foreach (var i in byId.Values.Where(i => !placed.Contains(i) && !blocked.Contains(i) && !onCycle.Contains(i)))
            Report(i, ImportIssue.Error(ImportIssueCode.UnitParentRejected, EmployeeMessages.UnitParentRejected,
                Clean(all[i].Name), Clean(all[i].Id), Clean(all[parentOf[i]].Id)));

        return new UnitHierarchyResult(ordered, [.. problems.OrderBy(p => p.Index).Select(p => p.Problem)], cycles);
    }

    private static string Clean(string? value) => value?.Trim() ?? "";
}
