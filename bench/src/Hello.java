/** The reference for start-up time: a trivial main, jarred by bench/agenda into target/bench/trivial.jar. */
public final class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
