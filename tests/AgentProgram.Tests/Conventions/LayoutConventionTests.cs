using System.Reflection;
using AgentProgram.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace AgentProgram.Tests.Conventions;

/// <summary>CONVENTIONS.md, checked: controllers only route; features live in feature folders.</summary>
public sealed class LayoutConventionTests
{
    private static readonly Assembly Web = typeof(AppDbContext).Assembly;

    private static IEnumerable<Type> Controllers() =>
        Web.GetTypes().Where(t => typeof(ControllerBase).IsAssignableFrom(t) && !t.IsAbstract);

    [Fact]
    public void No_controller_takes_the_database_context()
    {
        var offenders = Controllers()
            .SelectMany(c => c.GetConstructors().SelectMany(k => k.GetParameters()).Select(p => (c, p))
                .Concat(c.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly).SelectMany(m => m.GetParameters()).Select(p => (c, p))))
            .Where(x => typeof(AppDbContext).IsAssignableFrom(x.p.ParameterType))
            .Select(x => $"{x.c.Name}: parameter {x.p.Name}")
            .ToList();
        Assert.True(Controllers().Any(), "no controllers found");
        Assert.True(offenders.Count == 0, "Controllers must call a handler instead:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Every_controller_lives_in_a_feature_folder()
    {
        var misplaced = Controllers().Where(c => c.Namespace?.StartsWith("AgentProgram.Web.Features.", StringComparison.Ordinal) != true).Select(c => c.FullName).ToList();
        Assert.Empty(misplaced);
    }

    [Fact]
    public void There_are_no_top_level_layer_folders()
    {
        foreach (var folder in new[] { "Controllers", "Views", "ViewModels", "Services" })
            Assert.False(Directory.Exists(Path.Combine(RepoPaths.Web, folder)), $"{folder}/ breaks the feature-folder layout");
    }

    [Fact]
    // The Identity user entity derives from IdentityUser; that is the only ASP.NET type the domain may use.
    public void Domain_does_not_depend_on_EF_or_MVC()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(RepoPaths.Web, "Domain"), "*.cs", SearchOption.AllDirectories)
            .Where(f => File.ReadLines(f).Any(l => l.StartsWith("using Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || (l.StartsWith("using Microsoft.AspNetCore", StringComparison.Ordinal) && !l.StartsWith("using Microsoft.AspNetCore.Identity;", StringComparison.Ordinal))))
            .Select(f => Path.GetRelativePath(RepoPaths.Web, f))
            .ToList();
        Assert.Empty(offenders);
    }
}
