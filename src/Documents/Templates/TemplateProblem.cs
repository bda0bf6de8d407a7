namespace Qadam.Documents.Templates;

/// <summary>One reason a template was refused at upload.</summary>
/// <param name="Location">Where: the part and the tag or placeholder, e.g. <c>word/document.xml: tag 'student.fulName'</c>.</param>
/// <param name="Message">What is wrong, in words the template's author can act on.</param>
public sealed record TemplateProblem(string Location, string Message);
