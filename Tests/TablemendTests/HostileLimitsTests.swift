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
    #expect(Limits.named.count == 8)
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
