import Foundation
import Testing

@testable import Tablemend

/// `--limit NAME=VALUE` parsing: every limit by name, suffixes, and clear refusals.
@Suite struct HostileLimitsTests {
  @Test func everyLimitCanBeSetByName() throws {
    for (index, entry) in Limits.named.enumerated() {
      var limits = Limits()
      try limits.apply("\(entry.name)=\(index + 7)")
      #expect(limits[keyPath: entry.keyPath] == index + 7)
    }
    #expect(Limits.named.count == 13)
  }

  @Test func suffixesAndCase() throws {
    var limits = Limits()
    try limits.apply("maxinputbytes=2M")
    try limits.apply("maxPartBytes=3k")
    try limits.apply("maxTotalInflatedBytes=1G")
    #expect(limits.maxInputBytes == 2 << 20)
    #expect(limits.maxPartBytes == 3 << 10)
    #expect(limits.maxTotalInflatedBytes == 1 << 30)
  }

  @Test func refusals() {
    var limits = Limits()
    #expect(throws: LimitsError.self) { try limits.apply("maxDepth=3") }
    #expect(throws: LimitsError.self) { try limits.apply("maxXMLDepth") }
    #expect(throws: LimitsError.self) { try limits.apply("maxXMLDepth=-1") }
    #expect(throws: LimitsError.self) { try limits.apply("maxXMLDepth=0") }
    #expect(throws: LimitsError.self) { try limits.apply("maxInputBytes=99999999999G") }
    #expect(limits == Limits())
    do {
      try limits.apply("depth=3")
    } catch {
      #expect(error.message.contains("maxXMLDepth"))
    }
  }
}

/// The text-size limits that keep one conversion's memory bounded.
@Suite struct TextSizeLimitsTests {
  @Test func tooManyLinesIsANamedError() throws {
    var limits = Limits()
    limits.maxLines = 1000
    let data = Data(String(repeating: "ab\n", count: 1001).utf8)
    #expect {
      _ = try Converter(options: ConvertOptions(limits: limits)).convert(
        data: data, path: "many.txt")
    } throws: { error in
      String(describing: error) == "many.txt:1001:1: more than 1000 lines (maxLines)"
    }
  }

  @Test func tooLargeTextIsANamedError() throws {
    var limits = Limits()
    limits.maxTextBytes = 100
    let data = Data(String(repeating: "项目名称\t测试\n", count: 20).utf8)
    #expect {
      _ = try Converter(options: ConvertOptions(limits: limits)).convert(
        data: data, path: "big.txt")
    } throws: { error in
      String(describing: error).hasSuffix("over the limit of 100 (maxTextBytes)")
    }
  }
}
