using AgentProgram.Web.Domain.Employees;

namespace AgentProgram.Tests.Domain.Employees;

public class UnitHierarchyTests
{
    private static UnitRow Row(string id, string name, string? parent) => new(id, name, parent);

    private static string[] Ids(UnitHierarchyResult result) => [.. result.Ordered.Select(u => u.Row.Id)];

    [Fact]
    public void Parents_come_before_children_whatever_the_file_order()
    {
        var result = UnitHierarchy.Build(
        [
            Row("SEK", "Seksi Data", "SUB"),
            Row("DJ", "Ditjen Informasi", ""),
            Row("SUB", "Subdit Data", "DIR1"),
            Row("DIR1", "Direktorat Data", "DJ"),
            Row("DIR2", "Direktorat Layanan", "DJ"),
        ]);

        Assert.Empty(result.Problems);
        Assert.Empty(result.Cycles);
        Assert.Equal(["DJ", "DIR1", "SUB", "SEK", "DIR2"], Ids(result));
        Assert.Equal([0, 1, 2, 3, 1], result.Ordered.Select(u => u.Depth));
        Assert.Equal([null, "DJ", "DIR1", "SUB", "DJ"], result.Ordered.Select(u => u.ParentId));
    }

    [Fact]
    public void Siblings_keep_file_order_and_several_roots_are_allowed()
    {
        var result = UnitHierarchy.Build(
        [
            Row("B2", "Bidang 2", "D1"),
            Row("D1", "Dinas Kominfo", null),
            Row("B1", "Bidang 1", "D1"),
            Row("D2", "Dinas Kesehatan", null),
            Row("B3", "Bidang 3", "D2"),
        ]);

        Assert.Equal(["D1", "B2", "B1", "D2", "B3"], Ids(result));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("X")] // itself
    [InlineData("x")]
    [InlineData("0")]
    [InlineData("-")]
    [InlineData("null")]
    public void Empty_or_self_parent_makes_a_root(string? parent)
    {
        var result = UnitHierarchy.Build([Row("X", "Sekretariat", parent)]);

        Assert.Empty(result.Problems);
        var unit = Assert.Single(result.Ordered);
        Assert.Null(unit.ParentId);
        Assert.Equal(0, unit.Depth);
    }

    [Fact]
    public void A_unit_with_id_0_is_a_real_parent()
    {
        var result = UnitHierarchy.Build([Row("5", "Bagian", "0"), Row("0", "Induk", "")]);

        Assert.Equal(["0", "5"], Ids(result));
        Assert.Equal("0", result.Ordered[1].ParentId);
    }

    [Fact]
    public void Ids_compare_without_case_and_surrounding_spaces()
    {
        var result = UnitHierarchy.Build([Row("b1", "Bidang", " ABC "), Row("abc", "Dinas", "")]);

        Assert.Empty(result.Problems);
        Assert.Equal(["abc", "b1"], Ids(result));
        Assert.Equal("abc", result.Ordered[1].ParentId);
    }

    [Fact]
    public void Missing_parent_is_reported_and_its_subtree_is_held_back()
    {
        var result = UnitHierarchy.Build(
        [
            Row("D", "Dinas", ""),
            Row("B", "Bidang Hilang Induk", "ZZZ"),
            Row("S", "Seksi di Bidang", "B"),
            Row("B2", "Bidang Baik", "D"),
        ]);

        Assert.Equal(["D", "B2"], Ids(result));
        Assert.Equal(2, result.Problems.Count);
        Assert.Equal("B", result.Problems[0].Row.Id);
        Assert.Equal(ImportIssueCode.UnitParentMissing, result.Problems[0].Issue.Code);
        Assert.Equal(["Bidang Hilang Induk", "B", "ZZZ"], result.Problems[0].Issue.Args);
        Assert.Equal("S", result.Problems[1].Row.Id);
        Assert.Equal(ImportIssueCode.UnitParentRejected, result.Problems[1].Issue.Code);
        Assert.Equal(["Seksi di Bidang", "S", "B"], result.Problems[1].Issue.Args);
    }

    [Fact]
    public void Parent_already_in_the_application_is_accepted()
    {
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "OLD-1" };
        var result = UnitHierarchy.Build([Row("S", "Seksi", "B"), Row("B", "Bidang Baru", "old-1")], existing);

        Assert.Empty(result.Problems);
        Assert.Equal(["B", "S"], Ids(result));
        Assert.Equal("old-1", result.Ordered[0].ParentId);
        Assert.Equal(0, result.Ordered[0].Depth);
    }

    [Fact]
    public void Cycle_is_reported_with_its_path_and_units_under_it_are_held_back()
    {
        var result = UnitHierarchy.Build(
        [
            Row("R", "Root", ""),
            Row("A", "Unit A", "B"),
            Row("B", "Unit B", "C"),
            Row("C", "Unit C", "A"),
            Row("D", "Unit D", "A"),
            Row("E", "Unit E", "R"),
        ]);

        Assert.Equal(["R", "E"], Ids(result));
        var cycle = Assert.Single(result.Cycles);
        Assert.Equal(["A", "B", "C"], cycle);
        Assert.Equal(["A", "B", "C", "D"], result.Problems.Select(p => p.Row.Id));
        Assert.All(result.Problems.Take(3), p => Assert.Equal(ImportIssueCode.UnitCycle, p.Issue.Code));
        Assert.Equal("Unit A → Unit B → Unit C → Unit A", result.Problems[0].Issue.Args[2]);
        Assert.Contains("lingkaran atasan: Unit A → Unit B → Unit C → Unit A", result.Problems[0].Issue.Message, StringComparison.Ordinal);
        Assert.Equal(ImportIssueCode.UnitParentRejected, result.Problems[3].Issue.Code);
    }

    [Fact]
    public void Two_separate_cycles_are_both_found()
    {
        var result = UnitHierarchy.Build(
        [
            Row("A", "A", "B"), Row("B", "B", "A"),
            Row("X", "X", "Y"), Row("Y", "Y", "Z"), Row("Z", "Z", "X"),
            Row("W", "W", "Z"),
        ]);

        Assert.Empty(result.Ordered);
        Assert.Equal(2, result.Cycles.Count);
        Assert.Equal(["A", "B"], result.Cycles[0]);
        Assert.Equal(["X", "Y", "Z"], result.Cycles[1]);
        Assert.Equal(ImportIssueCode.UnitParentRejected, Assert.Single(result.Problems, p => p.Row.Id == "W").Issue.Code);
    }

    [Fact]
    public void Duplicate_id_keeps_the_first_row()
    {
        var result = UnitHierarchy.Build([Row("A", "Biro Umum", ""), Row("a", "Biro Keuangan", ""), Row("S", "Subbag", "A")]);

        Assert.Equal(["A", "S"], Ids(result));
        Assert.Equal("Biro Umum", result.Ordered[0].Row.Name);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(ImportIssueCode.UnitDuplicateId, problem.Issue.Code);
        Assert.Equal(["a", "Biro Umum", "Biro Keuangan"], problem.Issue.Args);
    }

    [Fact]
    public void Rows_without_id_or_name_are_reported_and_children_of_a_nameless_unit_held_back()
    {
        var result = UnitHierarchy.Build([Row(" ", "Tanpa ID", ""), Row("N", "", ""), Row("C", "Anak", "N"), Row("OK", "Baik", "")]);

        Assert.Equal(["OK"], Ids(result));
        Assert.Equal(
            [ImportIssueCode.UnitIdMissing, ImportIssueCode.UnitNameMissing, ImportIssueCode.UnitParentRejected],
            result.Problems.Select(p => p.Issue.Code));
        Assert.Equal(["Tanpa ID"], result.Problems[0].Issue.Args);
        Assert.Equal(["N"], result.Problems[1].Issue.Args);
    }

    [Fact]
    public void Problems_carry_the_row_with_its_line()
    {
        var result = UnitHierarchy.Build([new UnitRow("A", "Unit", "MISSING", "Kepala Unit", Line: 7)]);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(7, problem.Row.Line);
        Assert.Equal("Kepala Unit", problem.Row.HeadTitle);
    }

    [Fact]
    public void Deep_trees_do_not_overflow_the_stack()
    {
        const int depth = 20_000;
        var rows = Enumerable.Range(0, depth).Select(i => Row($"U{i}", $"Unit {i}", i == 0 ? "" : $"U{i - 1}")).Reverse().ToList();

        var result = UnitHierarchy.Build(rows);

        Assert.Empty(result.Problems);
        Assert.Equal(depth, result.Ordered.Count);
        Assert.Equal("U0", result.Ordered[0].Row.Id);
        Assert.Equal(depth - 1, result.Ordered[^1].Depth);
    }

    [Fact]
    public void Deep_cycle_is_found()
    {
        const int length = 20_000;
        var rows = Enumerable.Range(0, length).Select(i => Row($"U{i}", $"Unit {i}", $"U{(i + 1) % length}")).ToList();

        var result = UnitHierarchy.Build(rows);

        Assert.Empty(result.Ordered);
        Assert.Equal(length, Assert.Single(result.Cycles).Count);
    }

    [Fact]
    public void Empty_file_gives_an_empty_result()
    {
        var result = UnitHierarchy.Build([]);
        Assert.Empty(result.Ordered);
        Assert.Empty(result.Problems);
        Assert.Empty(result.Cycles);
    }
}
