namespace AgentProgram.Web.Domain.Messages;

/// <summary>Life cycle of a policy message (see <see cref="MessageWorkflow"/>). Stored by name.</summary>
public enum MessageStatus
{
    Draft,
    Submitted,
    Approved,
    Published,
    Closed,
    Withdrawn,
}

/// <summary>Where the message comes from (Inpres 9/2015: each message records its source). Stored by name.</summary>
public enum MessageSource
{
    /// <summary>Written by the institution's own unit.</summary>
    OwnUnit,

    /// <summary>Taken from another unit or institution.</summary>
    OtherUnit,

    /// <summary>The national single narrative (narasi tunggal, Kominfo/Komdigi).</summary>
    NationalNarrative,
}

/// <summary>What a user asks the workflow to do with a message.</summary>
public enum MessageAction
{
    Submit,
    Approve,
    Publish,
    Close,
    Withdraw,
    Edit,
}

/// <summary>Indonesian labels (localizer keys; English in Resources/Messages.en.json).</summary>
public static class MessageLabels
{
    public const string StatusDraft = "Draf";
    public const string StatusSubmitted = "Menunggu persetujuan";
    public const string StatusApproved = "Disetujui";
    public const string StatusPublished = "Terbit";
    public const string StatusClosed = "Ditutup";
    public const string StatusWithdrawn = "Ditarik";

    public const string SourceOwnUnit = "Unit kerja sendiri";
    public const string SourceOtherUnit = "Unit kerja atau instansi lain";
    public const string SourceNationalNarrative = "Narasi tunggal nasional";

    public const string ActionSubmit = "Ajukan untuk persetujuan";
    public const string ActionApprove = "Setujui";
    public const string ActionPublish = "Terbitkan";
    public const string ActionClose = "Tutup pesan";
    public const string ActionWithdraw = "Tarik pesan";

    /// <summary>Already translated in Shared.en.json.</summary>
    public const string ActionEdit = "Ubah";

    public static string Label(this MessageStatus status) => status switch
    {
        MessageStatus.Draft => StatusDraft,
        MessageStatus.Submitted => StatusSubmitted,
        MessageStatus.Approved => StatusApproved,
        MessageStatus.Published => StatusPublished,
        MessageStatus.Closed => StatusClosed,
        MessageStatus.Withdrawn => StatusWithdrawn,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Label(this MessageSource source) => source switch
    {
        MessageSource.OwnUnit => SourceOwnUnit,
        MessageSource.OtherUnit => SourceOtherUnit,
        MessageSource.NationalNarrative => SourceNationalNarrative,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    public static string Label(this MessageAction action) => action switch
    {
        MessageAction.Submit => ActionSubmit,
        MessageAction.Approve => ActionApprove,
        MessageAction.Publish => ActionPublish,
        MessageAction.Close => ActionClose,
        MessageAction.Withdraw => ActionWithdraw,
        MessageAction.Edit => ActionEdit,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
