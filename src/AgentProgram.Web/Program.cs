using AgentProgram.Web.Infrastructure.Aggregates;
using AgentProgram.Web.Infrastructure.Cli;
using AgentProgram.Web.Infrastructure.Clicks;
using AgentProgram.Web.Infrastructure.Imports;
using AgentProgram.Web.Infrastructure.Hosting;
using AgentProgram.Web.Infrastructure.Localization;
using AgentProgram.Web.Infrastructure.Security;
using AgentProgram.Web.Infrastructure.Storage;
using AgentProgram.Web.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);
builder.Services
    .AddAppDatabase(builder.Configuration, builder.Environment)
    .AddAppLocalization()
    .AddAppIdentity(builder.Configuration)
    .AddAppMvc(builder.Configuration)
    .AddAppStartup()
    .AddAppStorage()
    .AddAppImports()
    .AddClickRecording()
    .AddAggregates();

var app = builder.Build();

// `dotnet run -- <verb>` runs an operator command instead of the web server.
if (OperatorVerbs.IsVerb(args))
    return await OperatorVerbs.RunAsync(app, args);

await app.InitializeDatabaseAsync();
app.UseAppPipeline();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so the test host can start the real app.</summary>
public partial class Program;
