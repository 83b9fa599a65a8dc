namespace AgentProgram.Tests.Security.Rules;

public sealed class FoundationEndpoints : IEndpointRuleSet
{
    private const string ErrorPage = "error pages are re-executed for failed POSTs (e.g. an expired form) and change nothing";

    public IEnumerable<EndpointRule> Rules =>
    [
        new("GET", "", Access.AnyUser, "/"),
        new("GET", "health/live", Access.Everyone),
        new("GET", "health/ready", Access.Everyone),
        new("GET", "galat", Access.Everyone),
        new("POST", "galat", Access.Everyone) { AntiforgeryExemptBecause = ErrorPage },
        new("GET", "galat/{code:int}", Access.Everyone, "/galat/404"),
        new("POST", "galat/{code:int}", Access.Everyone, "/galat/404") { AntiforgeryExemptBecause = ErrorPage },

        new("GET", "akun/masuk", Access.Everyone),
        new("POST", "akun/masuk", Access.Everyone),
        new("GET", "akun/masuk-2fa", Access.Everyone),
        new("POST", "akun/masuk-2fa", Access.Everyone),
        new("GET", "akun/terkunci", Access.Everyone),
        new("GET", "akun/akses-ditolak", Access.Everyone),
        new("POST", "akun/keluar", Access.AnyUser),
        new("GET", "akun/kata-sandi", Access.AnyUser),
        new("POST", "akun/kata-sandi", Access.AnyUser),
        new("GET", "akun/autentikator", Access.AnyUser),
        new("POST", "akun/autentikator", Access.AnyUser),
        new("POST", "akun/autentikator/kode-pemulihan", Access.AnyUser),
        new("POST", "akun/autentikator/nonaktifkan", Access.AnyUser),
        new("POST", "bahasa", Access.Everyone),
    ];
}
