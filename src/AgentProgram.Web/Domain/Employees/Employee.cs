using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Organization;

namespace AgentProgram.Web.Domain.Employees;

/// <summary>
/// An ASN of the institution as HR knows them (from the SIASN export). Only what the product
/// needs: no NIK, NPWP, BPJS, address, religion or marital status (UU 27/2022 minimisation).
/// </summary>
public class Employee : IAudited, IVersioned
{
    public int Id { get; set; }

    /// <summary>18 digits, validated by NipCheck; unique in the installation. Never in URLs or logs.</summary>
    public string Nip { get; set; } = "";
    public string? NipLama { get; set; }
    public string? SiasnPnsId { get; set; }

    public string Name { get; set; } = "";
    public string? TitlePrefix { get; set; }
    public string? TitleSuffix { get; set; }
    public Sex? Sex { get; set; }
    public DateOnly? BirthDate { get; set; }

    public EmploymentType EmploymentType { get; set; }
    public LegalStatus LegalStatus { get; set; } = LegalStatus.Aktif;

    /// <summary>The kedudukan hukum text as SIASN wrote it, for statuses we group as Other.</summary>
    public string? LegalStatusName { get; set; }

    /// <summary>An active hukuman disiplin recorded by HR: frozen for enrolment and rewards.</summary>
    public bool HasDisciplinarySanction { get; set; }

    /// <summary>BKN code for PNS/CPNS ("31" = III/a) or roman level for PPPK ("IX").</summary>
    public string? GolonganCode { get; set; }

    public PositionType? PositionType { get; set; }
    public string? PositionName { get; set; }
    public string? Eselon { get; set; }

    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }

    /// <summary>The SIASN UNOR as exported, kept when it matches no unit yet.</summary>
    public string? SiasnUnorId { get; set; }
    public string? SiasnUnorName { get; set; }
    public string? WorkUnitName { get; set; }
    public string? InstitutionName { get; set; }

    public string? GovEmail { get; set; }
    public string? Phone { get; set; }

    public DateOnly? ContractStart { get; set; }
    public DateOnly? ContractEnd { get; set; }

    /// <summary>Warnings from the last import (JSON list of {code, message}), shown to HR.</summary>
    public string? ImportWarnings { get; set; }

    /// <summary>Hash of the imported fields: an unchanged re-import is detected without comparing each field.</summary>
    [NotAudited]
    public string? ImportHash { get; set; }

    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public int Version { get; set; }

    public string FullName =>
        string.Join(" ", new[] { TitlePrefix, Name }.Where(s => !string.IsNullOrWhiteSpace(s)))
        + (string.IsNullOrWhiteSpace(TitleSuffix) ? "" : ", " + TitleSuffix);

    /// <summary>Enrolment and rewards need an active legal status, no sanction, and for PPPK a current contract.</summary>
    public bool IsEligible(DateOnly today) => EligibilityProblem(today) is null;

    /// <summary>Why this person cannot be enrolled (an Indonesian text that is a localizer key), or null.</summary>
    public string? EligibilityProblem(DateOnly today)
    {
        if (LegalStatus != LegalStatus.Aktif) return EmployeeRules.NotActive;
        if (HasDisciplinarySanction) return EmployeeRules.Sanctioned;
        if (EmploymentType.IsPppk())
        {
            if (ContractEnd is null) return EmployeeRules.NoContract;
            if (ContractEnd < today || (ContractStart is { } start && start > today)) return EmployeeRules.ContractNotCurrent;
        }
        return null;
    }
}

public static class EmployeeRules
{
    public const string NotActive = "Kedudukan hukum tidak aktif: hanya pegawai berstatus Aktif yang dapat menjadi agen.";
    public const string Sanctioned = "Sedang menjalani hukuman disiplin.";
    public const string NoContract = "Tanggal kontrak PPPK belum tercatat: lengkapi data kontrak terlebih dahulu.";
    public const string ContractNotCurrent = "Kontrak PPPK tidak sedang berlaku.";
}
