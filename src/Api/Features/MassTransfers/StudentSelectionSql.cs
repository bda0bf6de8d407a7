using Npgsql;
using NpgsqlTypes;

namespace Qadam.Api.Features.MassTransfers;

/// <summary>
/// The students a mass transfer moves, as one SQL predicate over <c>qadam.students s</c> used both to count each school's
/// share up front and to read it school by school, so the totals shown and the rows written can never disagree.
/// </summary>
internal static class StudentSelectionSql
{
    /// <summary>
    /// A school class's grade is the number its name starts with ("5Б" → 5). A college group is named with its intake
    /// year ("ИС-24"), and its year of study is counted from that and the school year's start.
    /// </summary>
    private const string Weather = """
        AND s.shift = ANY(@shifts)
        AND ((s.level <> 'Tvet' AND coalesce(substring(s.class_name from '^[0-9]+')::int, -1) BETWEEN @gradesFrom AND @gradesTo)
          OR (s.level = 'Tvet' AND @academicYear - 2000 - coalesce(substring(s.class_name from '-([0-9]{2})$')::int, 1000) + 1 = ANY(@collegeYears)))
        """;

    /// <summary>
    /// A return brings back exactly the students this instance moved away, whatever the roster says now: each student of the
    /// schools is probed in the transfer rows' key (student, transfer).
    /// </summary>
    private const string Returning = """
        AND EXISTS (SELECT 1 FROM qadam.student_transfers d
                    WHERE d.student_id = s.id
                      AND d.transfer_id IN (SELECT m.id FROM qadam.mass_transfers m WHERE m.instance_id = @instance AND m.direction = 'distance'))
        """;

    /// <summary>
    /// An emergency order naming classes or groups (order 103 para 22): in an organisation it lists classes for, only those
    /// classes move; an organisation it lists no classes for moves whole.
    /// </summary>
    private const string Classes = """
        AND (NOT EXISTS (SELECT 1 FROM qadam.organisations co WHERE co.id = s.organisation_id AND co.code = ANY(@classOrganisations))
          OR EXISTS (SELECT 1 FROM unnest(@classOrganisations, @classNames) c(code, name) JOIN qadam.organisations co ON co.code = c.code
                     WHERE co.id = s.organisation_id AND c.name = s.class_name))
        """;

    /// <summary>The predicate to append after <c>WHERE s.organisation_id = ANY(@organisations)</c>.</summary>
    public static string For(MassTransferRequest request) =>
        request.Direction == TransferDirection.Return
            ? Returning
            : (request.Selection is null ? string.Empty : Weather) + (request.Classes is { Count: > 0 } ? Classes : string.Empty);

    public static void AddParameters(NpgsqlCommand command, MassTransferRequest request)
    {
        command.Parameters.Add(new NpgsqlParameter<Guid>("instance", request.InstanceId));
        if (request.Selection is { } selection)
        {
            command.Parameters.Add(new NpgsqlParameter<int[]>("shifts", [.. selection.Shifts]));
            command.Parameters.Add(new NpgsqlParameter<int>("gradesFrom", selection.GradesFrom));
            command.Parameters.Add(new NpgsqlParameter<int>("gradesTo", selection.GradesTo));
            command.Parameters.Add(new NpgsqlParameter<int[]>("collegeYears", [.. selection.CollegeYears]));
            command.Parameters.Add(new NpgsqlParameter<int>("academicYear", selection.AcademicYear));
        }

        if (request.Classes is { Count: > 0 } classes && request.Direction != TransferDirection.Return)
        {
            var pairs = classes.SelectMany(c => c.Value.Select(name => (Organisation: c.Key, Name: name))).ToList();
            command.Parameters.Add(new NpgsqlParameter<string[]>("classOrganisations", [.. pairs.Select(p => p.Organisation)]));
            command.Parameters.Add(new NpgsqlParameter<string[]>("classNames", [.. pairs.Select(p => p.Name)]));
        }
    }

    public static NpgsqlParameter Organisations(IReadOnlyCollection<Guid> ids) =>
        new("organisations", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids.ToArray() };
}
