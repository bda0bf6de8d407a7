namespace Qadam.Api.Features.Identity;

/// <summary>The roles of docs/architecture.md, by the names that tokens, policies and BPMN candidate roles use.</summary>
public static class QadamRoles
{
    public const string Clerk = "clerk";
    public const string Psychologist = "psychologist";
    public const string ClassTeacher = "classTeacher";
    public const string SocialPedagogue = "socialPedagogue";
    public const string CouncilMember = "councilMember";
    public const string CouncilSecretary = "councilSecretary";
    public const string Trustee = "trustee";
    public const string Head = "head";

    /// <summary>
    /// The person replacing the head (order 103 para 15: «руководитель организации образования или лицо, его замещающее»):
    /// issues and signs the school's order where the BPMN names this role beside the head.
    /// </summary>
    public const string DeputyHead = "deputyHead";
    public const string RegionalOfficer = "regionalOfficer";
    public const string LegalEditor = "legalEditor";
    public const string Parent = "parent";
    public const string Auditor = "auditor";
    public const string Administrator = "administrator";

    /// <summary>A university's office of the registrar: registers students' applications and keeps their plans.</summary>
    public const string Registrar = "registrar";

    /// <summary>A university's dean: reviews an application and draws up the individual plan (order 97 para 21).</summary>
    public const string Dean = "dean";

    /// <summary>A university's academic (scientific) council: decides under order 374 para 8.</summary>
    public const string AcademicCouncil = "academicCouncil";

    /// <summary>A university's rector: signs the order (order 97 para 14, order 374 para 8).</summary>
    public const string Rector = "rector";

    /// <summary>A university student: an adult who files their own case and reads only their own.</summary>
    public const string Student = "student";

    /// <summary>Not a person's role: the role of a confidential client (a regional department's system) acting for its organisation.</summary>
    public const string Integration = "integration";

    public static readonly IReadOnlyList<string> UserRoles =
    [
        Clerk, Psychologist, ClassTeacher, SocialPedagogue, CouncilMember, CouncilSecretary, Trustee, Head, DeputyHead,
        RegionalOfficer, LegalEditor, Parent, Auditor, Administrator, Registrar, Dean, AcademicCouncil, Rector, Student,
    ];

    /// <summary>Roles that work inside an organisation and read its rosters.</summary>
    public static readonly IReadOnlyList<string> Staff =
    [
        Clerk, Psychologist, ClassTeacher, SocialPedagogue, CouncilMember, CouncilSecretary, Trustee, Head, DeputyHead,
        RegionalOfficer, LegalEditor, Administrator, Registrar, Dean, AcademicCouncil, Rector,
    ];

    /// <summary>Those who read their own cases only: parents (their children's) and university students (their own).</summary>
    public static readonly IReadOnlyList<string> SelfService = [Parent, Student];

    /// <summary>
    /// Staff who work on cases and read students: everyone of <see cref="Staff"/> but the legal editor, who edits the
    /// pathways (definitions, forms, templates, tables) and reads no case data (need to know, ASVS V4.1.3).
    /// </summary>
    public static readonly IReadOnlyList<string> CaseStaff = [.. Staff.Where(r => r != LegalEditor)];
}

/// <summary>Claim types Qadam adds to its tokens.</summary>
public static class QadamClaims
{
    /// <summary>The id of the caller's organisation.</summary>
    public const string Organisation = "org";

    /// <summary>The code of the caller's organisation (<c>s1</c>), for logs and audit.</summary>
    public const string OrganisationCode = "org_code";

    /// <summary>
    /// A digest of the user's security stamp when the access token was issued (<see cref="SessionStamps"/>): a sign-out
    /// changes the stamp, and the token stops working.
    /// </summary>
    public const string Session = "qadam_session";
}

/// <summary>Authorization policy names; every role also has a policy of its own name.</summary>
public static class QadamPolicies
{
    /// <summary>Staff of any kind, and auditors: reads of rosters within the caller's scope.</summary>
    public const string ReadRosters = "rosters.read";

    /// <summary>Roster imports: a clerk for the own school, a regional officer for the region's schools.</summary>
    public const string ImportRosters = "rosters.import";

    /// <summary>Recomputing the audit chain: auditors and administrators.</summary>
    public const string VerifyAudit = "audit.verify";

    /// <summary>Parents, for their own links to children.</summary>
    public const string Parent = "parents.self";

    /// <summary>Reading process definitions: staff and auditors.</summary>
    public const string ReadDefinitions = "definitions.read";

    /// <summary>Uploading, publishing and retiring definitions: the legal department.</summary>
    public const string EditDefinitions = "definitions.edit";

    /// <summary>Reading cases within the caller's scope: staff, auditors, parents (their children's).</summary>
    public const string ReadCases = "cases.read";

    /// <summary>Filing a case: a school's clerk or head, a regional officer.</summary>
    public const string FileCases = "cases.file";

    /// <summary>Attaching evidence to a case the caller may read: staff and parents, not auditors (read-only).</summary>
    public const string UploadEvidence = "evidence.upload";

    /// <summary>The task inbox: staff (candidate roles decide which tasks).</summary>
    public const string WorkTasks = "tasks.work";

    /// <summary>Broadcasting a BPMN signal: administrators, and regional officers within an emergency order of their territory.</summary>
    public const string BroadcastSignals = "signals.broadcast";

    /// <summary>Posting an emergency order: a regional department's system or a regional officer.</summary>
    public const string PostEmergencyOrders = "emergency-orders.post";

    /// <summary>Register the regional emergency order's receipt at the caller's university (registrar, rector).</summary>
    public const string RegisterUniversityEmergency = "university-emergency.register";

    /// <summary>Case work in aggregate (a council's tally, the dashboard): staff and auditors, not parents.</summary>
    public const string ReadCaseWork = "casework.read";

    /// <summary>One student by IIN: case staff and auditors within their scope, parents for their own children.</summary>
    public const string ReadStudent = "students.read-one";

    /// <summary>Registered documents and their content: whoever may read the case they belong to.</summary>
    public const string ReadDocuments = "documents.read";

    /// <summary>Signing a document: case staff (the handler then requires a head or a council secretary).</summary>
    public const string SignDocuments = "documents.sign";

    /// <summary>Emergency orders and their transfers' progress: case readers, and the regional system that posted them.</summary>
    public const string ReadEmergencyOrders = "emergency-orders.read";

    /// <summary>The caller's own identity (<c>/api/me</c>): any person or integration client.</summary>
    public const string ReadSelf = "me.read";

    /// <summary>Readiness for distance learning (349 Annex 1, 103 Annex 3) within the caller's scope: staff and auditors.</summary>
    public const string ReadReadiness = "readiness.read";

    /// <summary>Attesting an organisation's readiness: its head.</summary>
    public const string AttestReadiness = "readiness.attest";

    /// <summary>Publishing an edition of the readiness requirements: the legal department.</summary>
    public const string PublishReadiness = "readiness.publish";
}
