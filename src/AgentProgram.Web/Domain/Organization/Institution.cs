using AgentProgram.Web.Domain.Audit;

namespace AgentProgram.Web.Domain.Organization;

/// <summary>The instansi running this installation (one per installation).</summary>
public class Institution : IAudited, IVersioned
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string ShortName { get; set; } = "";
    public string? Address { get; set; }
    public string? City { get; set; }
    public string? Phone { get; set; }
    public string? Website { get; set; }
    public string? Email { get; set; }

    /// <summary>Extra kop surat lines under the name (e.g. the parent ministry or regional government), one per line.</summary>
    public string? LetterheadLines { get; set; }

    /// <summary>PNG or JPEG, checked by content, at most 512 KB; kept in the database so every instance serves it.</summary>
    [NotAudited]
    public byte[]? Logo { get; set; }
    public string? LogoContentType { get; set; }

    /// <summary>Agents may see the names (never NIPs) of the period's top agents. Off by default.</summary>
    public bool ShowLeaderboardNames { get; set; }

    public int Version { get; set; }
}

public enum SignatoryRole
{
    /// <summary>Head of the institution (signs SK, piagam).</summary>
    HeadOfInstitution,

    /// <summary>Head of public relations (Nota Dinas to HR).</summary>
    HeadOfPublicRelations,

    /// <summary>Head of HR (kepegawaian / BKPSDM).</summary>
    HeadOfHumanResources,
}

/// <summary>An official who signs letters; the NIP prints under the signature (DOMAIN.md §9).</summary>
public class Signatory : AgentProgram.Web.Domain.Audit.IAudited, IVersioned
{
    public int Id { get; set; }
    public SignatoryRole Role { get; set; }
    public string Name { get; set; } = "";
    public string PositionTitle { get; set; } = "";
    public string? Nip { get; set; }
    public string? GolonganCode { get; set; }

    /// <summary>Eselon I signers omit pangkat and NIP in the signature block.</summary>
    public bool OmitRankAndNip { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A unit kerja of any depth. Eselon is optional and never shapes the tree: many units are now
/// led by a functional team lead (DOMAIN.md §3).
/// </summary>
public class Unit : IAudited, IVersioned
{
    public int Id { get; set; }
    public int? ParentId { get; set; }
    public Unit? Parent { get; set; }
    public string Name { get; set; } = "";
    public string? Code { get; set; }
    public string? Eselon { get; set; }
    public string? HeadTitle { get; set; }
    public string? SiasnUnorId { get; set; }
    public bool IsClosed { get; set; }
    public List<Unit> Children { get; } = [];
    public int Version { get; set; }
}
