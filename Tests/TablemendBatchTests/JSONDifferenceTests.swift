import Foundation
import Testing

@testable import TablemendBatch

@Suite("JSONDifference")
struct JSONDifferenceTests {
  func parse(_ text: String) throws -> JSONValue { try JSONValue.parse(Data(text.utf8)) }

  @Test("a changed leaf is named by its JSON path with both values")
  func changedLeaf() throws {
    let old = try parse(#"{"forms":[{"indicators":[{},{},{},{"value":{"op":">=","value":98}}]}]}"#)
    let new = try parse(#"{"forms":[{"indicators":[{},{},{},{"value":{"op":">","value":98}}]}]}"#)
    let differences = JSONDifference.between(old, new)
    #expect(
      differences == [
        JSONDifference(
          path: "forms[0].indicators[3].value.op", old: .string(">="), new: .string(">"))
      ])
    #expect(differences[0].description == #"forms[0].indicators[3].value.op: ">=" → ">""#)
  }

  @Test("added and removed keys and elements show as absent")
  func absent() throws {
    let old = try parse(#"{"a":[1,2],"b":null,"c":true}"#)
    let new = try parse(#"{"a":[1],"c":true,"d":"新"}"#)
    let differences = JSONDifference.between(old, new)
    #expect(
      differences == [
        JSONDifference(path: "a[1]", old: .number(2), new: nil),
        JSONDifference(path: "b", old: .null, new: nil),
        JSONDifference(path: "d", old: nil, new: .string("新")),
      ])
    #expect(differences[0].description == "a[1]: 2 → (absent)")
  }

  @Test("equal values as data are equal whatever the formatting; types are told apart")
  func equality() throws {
    #expect(
      JSONDifference.between(try parse("{\"a\": [1.0, \"x\"]}"), try parse(#"{"a":[1,"x"]}"#))
        .isEmpty)
    #expect(JSONDifference.between(try parse(#"{"a":true}"#), try parse(#"{"a":1}"#)).count == 1)
    #expect(JSONDifference.between(try parse(#"{"a":"1"}"#), try parse(#"{"a":1}"#)).count == 1)
  }

  @Test("keys that would read ambiguously are quoted in brackets")
  func keys() {
    #expect(JSONDifference.child("fields", key: "项目名称") == "fields.项目名称")
    #expect(JSONDifference.child("fields", key: "实施单位 (盖章)") == #"fields["实施单位 (盖章)"]"#)
    #expect(JSONDifference.child("", key: "a.b") == #"["a.b"]"#)
    #expect(JSONDifference.child("", key: "source") == "source")
  }

  @Test("long values are cut")
  func longValues() {
    let long = JSONDifference(path: "x", old: .string(String(repeating: "字", count: 300)), new: nil)
    #expect(long.description.contains("… (302 characters)"))
  }
}
