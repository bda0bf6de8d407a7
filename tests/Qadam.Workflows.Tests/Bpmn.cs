namespace Qadam.Workflows.Tests;

/// <summary>Wraps process XML in BPMN definitions with our namespaces, so tests show only what matters.</summary>
public static class Bpmn
{
    public static string Process(string id, string body, string extraDefinitions = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                          xmlns:qadam="http://qadam.kz/schema/bpmn"
                          id="defs_{id}" targetNamespace="http://qadam.kz/test">
          {extraDefinitions}
          <bpmn:process id="{id}" name="{id}" isExecutable="true">
            {body}
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>A user task for the clerk of the case's school.</summary>
    public static string UserTask(string id, string roles = "clerk", string extra = "") =>
        $"""<bpmn:userTask id="{id}" name="{id}" qadam:candidateRoles="{roles}" {extra} />""";

    /// <summary>An end event after each named node, since every path must end in an end event.</summary>
    public static string Ends(params string[] after) =>
        string.Concat(after.Select(a => $"""<bpmn:endEvent id="end_{a}" />""" + Flow($"toEnd_{a}", a, $"end_{a}")));

    public static string Flow(string id, string from, string to, string? condition = null) =>
        condition is null
            ? $"""<bpmn:sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}" />"""
            : $"""<bpmn:sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"><![CDATA[{condition}]]></bpmn:conditionExpression></bpmn:sequenceFlow>""";
}
