import Foundation
import TelemedCalendar
import TelemedCore

// FeedBenchmark: builds one feed of 1,000 events (a specialist's sessions over 25 weekdays, each
// with summary, description, location, URL and GEO) with libical and prints one JSON object: the
// event count, the bytes of the iCalendar text and the time to build it (median of the runs).
//
//     swift run -c release FeedBenchmark [--events 1000] [--runs 7]

let arguments = CommandLine.arguments
func option(_ name: String, default value: Int) -> Int {
    guard let at = arguments.firstIndex(of: name), at + 1 < arguments.count, let number = Int(arguments[at + 1]) else {
        return value
    }
    return number
}
let eventCount = option("--events", default: 1000)
let runs = max(1, option("--runs", default: 7))

let firstDay = WallClock.paris.instant(on: LocalDate(year: 2027, month: 3, day: 1)!, at: LocalTime(hour: 8, minute: 0)!)
let stamp = Date(timeIntervalSince1970: 1_800_000_000)

func buildFeed() throws -> (text: String, events: Int) {
    var calendar = FeedCalendar(name: "Séances · Dr Claire Fournier", description: "Benchmark")
    for index in 0..<eventCount {
        let day = index / 40
        let start = firstDay.addingTimeInterval(TimeInterval(day * 86_400 + (index % 40) * 15 * 60))
        try calendar.addEvent(
            FeedEvent(
                uid: "booking-B-\(index)-specialist@telemed", summary: "Téléconsultation · Dermatologie · P-\(index)",
                description: "Site : EHPAD Les Tilleuls (Clamecy)\nMode : téléconsultation\nPatient : P-\(index)\n"
                    + "Durée : 15 min\nLien vidéo : https://visio.example.org/dr-fournier",
                location: "EHPAD Les Tilleuls, 5 rue des Jardins, 58500 Clamecy, Clamecy", start: start,
                end: start.addingTimeInterval(15 * 60), stamp: stamp, sequence: index % 4, status: .confirmed,
                url: "https://visio.example.org/dr-fournier", geo: GeoPoint(latitude: 47.45983, longitude: 3.51896)))
    }
    return (try calendar.serialized(), calendar.events.count)
}

var seconds: [Double] = []
var last: (text: String, events: Int) = ("", 0)
for _ in 0..<runs {
    let clock = ContinuousClock()
    let began = clock.now
    last = try buildFeed()
    let elapsed = clock.now - began
    seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}
seconds.sort()
let report: [String: Any] = [
    "benchmark": "feed", "events": last.events, "bytes": last.text.utf8.count, "runs": runs,
    "medianSeconds": seconds[seconds.count / 2], "minSeconds": seconds[0], "maxSeconds": seconds[seconds.count - 1],
]
let json = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
print(String(decoding: json, as: UTF8.self))
