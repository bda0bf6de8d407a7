using System.Text.RegularExpressions;

namespace Qadam.Api.Features.Definitions;

/// <summary>What a definition key (a pathway's, a table's) may look like in a route or a request.</summary>
internal static partial class DefinitionKeys
{
    /// <summary>Keys as the engine stores them (at most 100 characters): letters, digits, dot, dash, underscore.</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    public static partial Regex Pattern();
}
