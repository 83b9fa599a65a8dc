using System.Text;
using AgentProgram.Web.Infrastructure.Clicks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace AgentProgram.Tests.Features.TrackedLinks;

public sealed class VisitorHashSecretTests
{
    private sealed class Env(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "AgentProgram.Web";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void A_configured_secret_is_base64_or_a_long_text_and_never_short()
    {
        var bytes = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        Assert.Equal(bytes, VisitorHashSecret.FromConfiguration(Convert.ToBase64String(bytes)));
        var text = "rahasia-pengunjung-yang-panjang-sekali-2026";
        Assert.Equal(Encoding.UTF8.GetBytes(text), VisitorHashSecret.FromConfiguration(text));
        Assert.Throws<InvalidOperationException>(() => VisitorHashSecret.FromConfiguration("pendek"));
    }

    [Fact]
    public void Without_configuration_a_random_secret_is_kept_in_the_data_folder_and_reused()
    {
        var dir = Path.Combine(Path.GetTempPath(), "agentprogram-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var config = Config(("Storage:DataPath", dir));
            var first = new VisitorHashSecret(config, new Env(dir)).Bytes;
            var second = new VisitorHashSecret(config, new Env(dir)).Bytes;

            Assert.Equal(32, first.Length);
            Assert.Equal(first, second);
            Assert.Equal(first, File.ReadAllBytes(Path.Combine(dir, VisitorHashSecret.FileName)));
            Assert.NotEqual(first, new VisitorHashSecret(Config(("Storage:DataPath", dir + "-b")), new Env(dir)).Bytes);
        }
        finally
        {
            foreach (var d in new[] { dir, dir + "-b" })
                if (Directory.Exists(d)) Directory.Delete(d, recursive: true);
        }
    }
}
