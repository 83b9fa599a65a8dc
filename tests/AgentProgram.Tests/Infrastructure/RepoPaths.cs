using System.Runtime.CompilerServices;

namespace AgentProgram.Tests.Infrastructure;

public static class RepoPaths
{
    /// <summary>The repository root, found from this source file's compile-time path (works with any output folder).</summary>
    public static string Root { get; } = Find();

    public static string Web => Path.Combine(Root, "src", "AgentProgram.Web");

    private static string Find([CallerFilePath] string source = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(source), AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "AgentProgram.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Repository root (AgentProgram.sln) not found.");
    }
}
