import Testing

@testable import TablemendBatch

@Suite("BatchProgress")
struct BatchProgressTests {
  @Test("rate and ETA from files done and time elapsed")
  func rateAndETA() {
    let progress = BatchProgress(
      done: 250, total: 1000, elapsed: 5, event: .converted(path: "/a.txt"))
    #expect(progress.rate == 50)
    #expect(progress.remaining == 15)
    #expect(progress.line == "tablemend: 250/1000 files, 50 files/s, ETA 0:15")
    #expect(progress.bar(width: 8) == "[##------] 250/1000 25% 50 files/s ETA 0:15")
  }

  @Test("no ETA before anything is done; a full bar at the end")
  func edges() {
    let start = BatchProgress(done: 0, total: 10, elapsed: 0, event: .skipped(path: "/a"))
    #expect(start.remaining == nil)
    #expect(start.line.hasSuffix("ETA --:--"))
    let end = BatchProgress(done: 10, total: 10, elapsed: 2, event: .skipped(path: "/a"))
    #expect(end.bar(width: 4) == "[####] 10/10 100% 5 files/s ETA 0:00")
  }

  @Test("clock formats minutes and hours")
  func clock() {
    #expect(BatchProgress.clock(0) == "0:00")
    #expect(BatchProgress.clock(59.2) == "1:00")
    #expect(BatchProgress.clock(754) == "12:34")
    #expect(BatchProgress.clock(3723) == "1:02:03")
  }
}
