using System.Diagnostics;
using AgentProgram.Web.Infrastructure.Imports;

namespace AgentProgram.Tests.Features.Imports;

public sealed class ZzScaleProbe(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Probe()
    {
        var g = new SiasnSampleGenerator(seed: 1);
        var units = g.Units(400);
        await app.EnsureUnitsAsync(units);
        var file = SiasnSampleGenerator.EmployeesCsv(g.Employees(80000, units, 0.005));
        var client = await app.HrAsync();
        var sw = Stopwatch.StartNew();
        var id = await client.UploadOkAsync(file, "besar.csv");
        var upload = sw.Elapsed.TotalSeconds; sw.Restart();
        var preview = await client.GetHtmlAsync($"/impor/{id}");
        var previewTime = sw.Elapsed.TotalSeconds; sw.Restart();
        await client.ConfirmAsync(id);
        var confirm = sw.Elapsed.TotalSeconds; sw.Restart();
        var html = await client.WaitUntilDoneAsync(id);
        var run = sw.Elapsed.TotalSeconds;
        using var p = Process.GetCurrentProcess();
        throw new Xunit.Sdk.XunitException($"upload {upload:0.0}s preview {previewTime:0.0}s confirm {confirm:0.0}s run {run:0.0}s peak {p.PeakWorkingSet64 / 1048576} MB counts {ImportTestKit.Counts(preview)} / {ImportTestKit.Counts(html)}");
    }
}
