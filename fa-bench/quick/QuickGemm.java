import org.fa4j.simd.*;
// Best-of-N time of one gemm call at 1 thread on the four peer shapes (forward, backward, grad, 1024^3).
// Run by fa-bench/quick-compare.sh, interleaved with the OpenBLAS peer; not a JMH benchmark (quick, for paired before-and-after comparisons).
import java.util.SplittableRandom;
public class QuickGemm {
    static Matrix rnd(SplittableRandom r, int m, int n) { float[] d = new float[m*n]; for (int i=0;i<d.length;i++) d[i]=(float)r.nextDouble(); return Matrix.wrap(m,n,d); }
    public static void main(String[] args) {
        Linalg la = Linalg.newBuilder().threads(1).build();
        SplittableRandom r = new SplittableRandom(1);
        Object[][] sh = {
          {"forward", Op.N, Op.N, rnd(r,100,784), rnd(r,784,1000), Matrix.zeros(100,1000)},
          {"backward", Op.N, Op.T, rnd(r,100,1000), rnd(r,784,1000), Matrix.zeros(100,784)},
          {"grad", Op.T, Op.N, rnd(r,100,784), rnd(r,100,1000), Matrix.zeros(784,1000)},
          {"square", Op.N, Op.N, rnd(r,1024,1024), rnd(r,1024,1024), Matrix.zeros(1024,1024)}};
        int rep = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        for (Object[] s : sh) {
            Op oa=(Op)s[1], ob=(Op)s[2]; Matrix a=(Matrix)s[3], b=(Matrix)s[4], c=(Matrix)s[5];
            int m=c.rows(), n=c.cols(), k= oa==Op.N? a.cols(): a.rows();
            int reps = m*n > 500000 && k > 500 ? rep/10 : rep;
            for (int i=0;i<reps;i++) la.gemm(oa,ob,1f,a,b,0f,c);
            long best=Long.MAX_VALUE;
            for (int i=0;i<reps;i++){ long t=System.nanoTime(); la.gemm(oa,ob,1f,a,b,0f,c); best=Math.min(best,System.nanoTime()-t);}
            System.out.printf("%-9s %8.3f ms %7.1f GFLOP/s%n", s[0], best/1e6, 2.0*m*n*k/best);
        }
    }
}
