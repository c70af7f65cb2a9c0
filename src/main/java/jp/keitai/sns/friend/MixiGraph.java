package jp.keitai.sns.friend;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.member.MemberSummary;
import jp.keitai.sns.system.Database;

/**
 * mixiGraph: a member, their friends and friends of friends as one picture (laid out here, drawn as SVG by the
 * template), and the same as text for keitai: friends the viewer and the member share, and friends of friends the
 * viewer may know. Members the viewer has blocked or is blocked by, and members no longer active, are left out.
 * A fixed number of queries, whatever the number of friends (the two that walk two steps are {@link FriendStore}'s).
 */
@ApplicationScoped
public class MixiGraph {

    /** Most friends and friends of friends drawn; the rest are counted, not drawn. */
    public static final int MAX_FRIENDS = 48;

    public static final int MAX_SECOND = 48;

    /** Longest "you may know" list. */
    public static final int MAX_SUGGESTIONS = 20;

    static final int SIZE = 480;
    static final int INNER = 125;
    static final int OUTER = 212;

    @Inject
    Database database;

    @Inject
    FriendGraph graph;

    @Inject
    MemberService members;

    private FriendStore store;

    protected MixiGraph() {}

    public MixiGraph(Database database, FriendGraph graph, MemberService members) {
        this.database = database;
        this.graph = graph;
        this.members = members;
        init();
    }

    @PostConstruct
    void init() {
        store = new FriendStore(database);
    }

    /** A member drawn at (x, y); ring 0 is the member, 1 a friend, 2 a friend of a friend. */
    public record Node(long id, String nickname, int ring, int x, int y) {
        /** The nickname cut short enough for a label. */
        public String label() {
            return nickname.codePointCount(0, nickname.length()) <= 8
                    ? nickname
                    : nickname.substring(0, nickname.offsetByCodePoints(0, 7)) + "…";
        }
    }

    public record Edge(int x1, int y1, int x2, int y2, int ring) {}

    /** A member in a list, with the number of friends the viewer shares with them. */
    public record Person(long id, String nickname, int commonCount) {}

    /** The whole page: picture, counts and the two lists. */
    public record Picture(
            Node center,
            List<Node> nodes,
            List<Edge> edges,
            int friendCount,
            int secondCount,
            List<Person> mutual,
            List<Person> mayKnow,
            int size) {
        /**
         * The SVG's {@code viewBox}, written whole here: in a template, the space between two EL values is
         * whitespace-only text, which {@code trimDirectiveWhitespaces} drops ({@code 0 0 480480}: a picture cut off).
         */
        public String viewBox() {
            return "0 0 " + size + " " + size;
        }

        /** SVG path data for the lines from the member to the friends. */
        public String innerPath() {
            return path(1);
        }

        /** SVG path data for the lines from friends to friends of friends. */
        public String outerPath() {
            return path(2);
        }

        private String path(int ring) {
            StringBuilder d = new StringBuilder();
            for (Edge e : edges) {
                if (e.ring() == ring) {
                    d.append('M').append(e.x1()).append(' ').append(e.y1());
                    d.append('L').append(e.x2()).append(' ').append(e.y2());
                }
            }
            return d.length() == 0 ? "M0 0" : d.toString();
        }
    }

    /** The graph of {@code member} as {@code viewer} may see it (the caller has checked the viewer may see the member). */
    public Picture picture(long viewer, long member) {
        Set<Long> hidden = graph.blockedEitherWay(viewer);
        List<Long> friends = new ArrayList<>(graph.friendIds(member));
        friends.removeIf(hidden::contains);

        // friend -> friends of friends through it
        Map<Long, List<Long>> via = new LinkedHashMap<>();
        Set<Long> friendSet = new HashSet<>(friends);
        for (long[] pair : store.friendsOfFriendsVia(member)) {
            long friend = pair[0];
            long second = pair[1];
            if (friendSet.contains(friend)
                    && second != member
                    && !friendSet.contains(second)
                    && !hidden.contains(second)) {
                via.computeIfAbsent(second, k -> new ArrayList<>()).add(friend);
            }
        }

        Map<Long, Integer> common = commonWithViewer(viewer);
        Set<Long> viewerFriends = new HashSet<>(graph.friendIds(viewer));

        // who is drawn: friends with most ties first, friends of friends with most paths first
        Map<Long, Integer> friendTies = new HashMap<>();
        via.values().forEach(fs -> fs.forEach(f -> friendTies.merge(f, 1, Integer::sum)));
        List<Long> drawnFriends = friends.stream()
                .sorted(Comparator.comparing((Long f) -> -friendTies.getOrDefault(f, 0))
                        .thenComparing(f -> f))
                .limit(MAX_FRIENDS)
                .toList();
        List<Long> drawnSecond = via.entrySet().stream()
                .sorted(Comparator.comparing(
                                (Map.Entry<Long, List<Long>> e) -> -e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey)
                .limit(MAX_SECOND)
                .toList();

        List<Long> everyone = new ArrayList<>();
        everyone.add(member);
        everyone.addAll(friends);
        everyone.addAll(drawnSecond);
        everyone.addAll(common.keySet().stream().limit(200).toList());
        Map<Long, MemberSummary> known = members.findAll(everyone);
        Set<Long> inactive = new HashSet<>();
        everyone.forEach(id -> {
            MemberSummary m = known.get(id);
            if (m == null || m.status() != MemberStatus.ACTIVE) {
                inactive.add(id);
            }
        });
        drawnFriends = drawnFriends.stream().filter(f -> !inactive.contains(f)).toList();
        drawnSecond = drawnSecond.stream().filter(f -> !inactive.contains(f)).toList();

        // layout: friends evenly on the inner ring; friends of friends on the outer ring, ordered by the mean angle of
        // the friends they hang from, so their lines stay short
        int c = SIZE / 2;
        Node center = new Node(member, nickname(known, member), 0, c, c);
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        Map<Long, Double> angle = new HashMap<>();
        Map<Long, Node> placed = new HashMap<>();
        for (int i = 0; i < drawnFriends.size(); i++) {
            long f = drawnFriends.get(i);
            double a = 2 * Math.PI * i / drawnFriends.size() - Math.PI / 2;
            angle.put(f, a);
            Node n = new Node(
                    f,
                    nickname(known, f),
                    1,
                    c + (int) Math.round(INNER * Math.cos(a)),
                    c + (int) Math.round(INNER * Math.sin(a)));
            placed.put(f, n);
            edges.add(new Edge(c, c, n.x(), n.y(), 1));
        }
        List<Long> outer = new ArrayList<>(drawnSecond);
        Map<Long, Double> meanAngle = new HashMap<>();
        for (long s : outer) {
            double sx = 0;
            double sy = 0;
            for (long f : via.get(s)) {
                Double a = angle.get(f);
                if (a != null) {
                    sx += Math.cos(a);
                    sy += Math.sin(a);
                }
            }
            meanAngle.put(s, Math.atan2(sy, sx));
        }
        outer.sort(Comparator.comparing((Long s) -> meanAngle.get(s)).thenComparing(s -> s));
        for (int i = 0; i < outer.size(); i++) {
            long s = outer.get(i);
            double a =
                    outer.size() == 1 ? meanAngle.get(s) : 2 * Math.PI * i / outer.size() + meanAngle.get(outer.get(0));
            Node n = new Node(
                    s,
                    nickname(known, s),
                    2,
                    c + (int) Math.round(OUTER * Math.cos(a)),
                    c + (int) Math.round(OUTER * Math.sin(a)));
            placed.put(s, n);
            for (long f : via.get(s)) {
                Node from = placed.get(f);
                if (from != null) {
                    edges.add(new Edge(from.x(), from.y(), n.x(), n.y(), 2));
                }
            }
        }
        drawnFriends.forEach(f -> nodes.add(placed.get(f)));
        outer.forEach(s -> nodes.add(placed.get(s)));

        // lists: friends the viewer shares with the member (all friends on one's own graph), and members two steps
        // from the viewer — through this member's circle, or anywhere on one's own graph
        List<Person> mutual = friends.stream()
                .filter(f -> !inactive.contains(f))
                .filter(f -> viewer == member || viewerFriends.contains(f))
                .map(f -> new Person(f, nickname(known, f), common.getOrDefault(f, 0)))
                .toList();
        Set<Long> circle = new HashSet<>(friends);
        circle.add(member);
        List<Person> mayKnow = common.entrySet().stream()
                .filter(e -> e.getKey() != viewer && !viewerFriends.contains(e.getKey()))
                .filter(e -> viewer == member || circle.contains(e.getKey()))
                .filter(e -> !hidden.contains(e.getKey()) && known.containsKey(e.getKey()))
                .filter(e -> !inactive.contains(e.getKey()))
                .sorted(Comparator.comparing((Map.Entry<Long, Integer> e) -> -e.getValue())
                        .thenComparing(Map.Entry::getKey))
                .limit(MAX_SUGGESTIONS)
                .map(e -> new Person(e.getKey(), nickname(known, e.getKey()), e.getValue()))
                .toList();
        return new Picture(
                center,
                nodes,
                edges,
                (int) friends.stream().filter(f -> !inactive.contains(f)).count(),
                via.size(),
                mutual,
                mayKnow,
                SIZE);
    }

    private static String nickname(Map<Long, MemberSummary> known, long id) {
        MemberSummary m = known.get(id);
        return m == null ? "?" : m.nickname();
    }

    /**
     * Members two steps from the viewer with the number of active friends in common, most first (at most a few
     * thousand): nobody is reached through a suspended or withdrawn friend.
     */
    private Map<Long, Integer> commonWithViewer(long viewer) {
        Set<Long> active = new HashSet<>(graph.friendIds(viewer));
        Map<Long, Integer> counts = new HashMap<>();
        for (long[] pair : store.friendsOfFriendsVia(viewer)) {
            if (active.contains(pair[0])) {
                counts.merge(pair[1], 1, Integer::sum);
            }
        }
        Map<Long, Integer> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Long, Integer> e) -> -e.getValue())
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
