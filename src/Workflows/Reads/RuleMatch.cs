namespace Qadam.Workflows.Reads;

/// <summary>
/// A condition table's row a business rule task matched (journal event <c>rule-matched</c>): the table's key and the
/// 1-based number of the first matching row, or how many rows matched when the task collects every hit.
/// </summary>
/// <param name="Table">The table's key.</param>
/// <param name="Rule">The matched row, 1-based (a first-hit table), else null.</param>
/// <param name="Hits">How many rows matched (a collect table), else null.</param>
public sealed record RuleMatch(string Table, int? Rule, int? Hits);
