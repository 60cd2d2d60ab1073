# Independent reference of the moment-selection opportunity interval
# (scipy's bivariate normal for the critical value).
import math
from scipy.stats import norm, multivariate_normal, gamma
from scipy.optimize import brentq
def wilson(p,n,z):
    d=1+z*z/n; c=(p+z*z/(2*n))/d; h=z*math.sqrt(p*(1-p)/n+z*z/(4*n*n))/d
    lo,hi=max(0,c-h),min(1,c+h)
    # Brown, Cai and DasGupta's boundary modification, 3 counts up to n = 100.
    alpha=2*(1-norm.cdf(z)); x=p*n; f=n-x
    if n<=100 and 0<x<=3: lo=gamma.ppf(alpha,x)/n
    if n<=100 and 0<f<=3: hi=1-gamma.ppf(alpha,f)/n
    return lo,hi
def crit(r,tail):
    # r = +-1 (degenerate shares): one variable, or Bonferroni exactly.
    if r>=1-1e-12: return norm.isf(tail)
    if r<=-1+1e-12: return norm.isf(tail/2)
    f=lambda c: 1-multivariate_normal.cdf([c,c],mean=[0,0],cov=[[1,r],[r,1]],abseps=1e-13,releps=1e-13)-tail
    return brentq(f,norm.ppf(1-tail)-1e-9,norm.ppf(1-tail/2)+1e-9,xtol=1e-13)
def interval(nI,xI,nS,xS,nb,x11,xIb,xSb,level=0.95,tail=None):
    # tail (one-sided error) instead of level keeps its digits near level 1.
    if tail is None: tail=(1-level)/2
    z=-norm.ppf(tail)
    pI=xI/nI; pS=xS/nS
    cov=100*nb*(x11/nb-(xIb/nb)*(xSb/nb))/(nI*nS) if nb else 0
    tI=(xI+z*z/2)/(nI+z*z); tS=(xS+z*z/2)/(nS+z*z)
    vI=100*tI*(1-tI)/(nI+z*z); vS=100*tS*(1-tS)/(nS+z*z)
    kappa=math.sqrt(max(1,math.log(min(nI,nS))))
    gap=10*(pI-pS); sd=math.sqrt(max(0,vI+vS-2*cov))
    branch='both'
    if gap>kappa*sd: branch='b'
    elif gap< -kappa*sd: branch='a'
    vb=max(0,4*vI+vS-4*cov)
    rab=max(-1,min(1,(2*vI-cov)/math.sqrt(vI*vb))) if vb>0 else 1
    c=crit(rab,tail) if branch=='both' else z
    lI,uI=wilson(pI,nI,c); lS,uS=wilson(pS,nS,c)
    a=(10*lI,10*uI)
    if branch=='a': return branch,c,a
    r=max(-1,min(1,cov/math.sqrt(vI*vS)))
    e1=20*pI; e2=-10*pS; l1=20*lI; u1=20*uI; l2=-10*uS; u2=-10*lS; rr=-r
    d1=e1-l1; d2=e2-l2; g1=u1-e1; g2=u2-e2
    b=(e1+e2-math.sqrt(max(0,d1*d1+d2*d2+2*rr*d1*d2)), e1+e2+math.sqrt(max(0,g1*g1+g2*g2+2*rr*g1*g2)))
    if branch=='b': return branch,c,b
    return branch,c,(max(a[0],b[0]),max(a[1],b[1]))
# The difference O(first) - O(second) of two independent samples' Ulwick
# opportunities (src/stats/opportunity_difference): MOVER on their own
# intervals at one-sided error tail; each sample is interval()'s counts.
def opportunity(counts):
    nI,xI,nS,xS=counts[:4]; I=10*xI/nI; S=10*xS/nS
    return I+max(I-S,0)
def difference_interval(first,second,tail):
    o1,o2=opportunity(first),opportunity(second)
    _,_,(l1,u1)=interval(*first,tail=tail); _,_,(l2,u2)=interval(*second,tail=tail)
    d=o1-o2
    return d-math.sqrt((o1-l1)**2+(u2-o2)**2), d+math.sqrt((u1-o1)**2+(o2-l2)**2)
# Whether z is the difference's interval inverted: signed as the difference,
# the interval excludes 0 at critical value |z| - eps (when that is > 0) and
# holds it at |z| + eps (unless |z| is the cap, 6).
def is_inverted(first,second,z,eps=1e-6):
    d=opportunity(first)-opportunity(second)
    if d==0: return z==0
    excludes=lambda c: (lambda i: i[0]>0 or i[1]<0)(difference_interval(first,second,norm.sf(c)))
    # z exactly 0: the interval must hold 0 already at a tiny critical value.
    if z==0: return not excludes(eps)
    if math.copysign(1,z)!=math.copysign(1,d): return False
    if abs(z)<6 and excludes(abs(z)+eps): return False
    # z near 0: the interval holds 0 at every critical value (near the kink
    # the simultaneous critical value stays above 0 as the level falls).
    return abs(z)<=eps or excludes(abs(z)-eps)
if __name__=='__main__':
  cases=[('kink',30,15,30,15,30,8,15,15),('underserved',30,24,30,6,30,5,24,6),('overserved',30,6,30,24,30,5,6,24),
         ('edge',30,30,30,29,30,29,30,29),('blanks',28,14,25,11,24,6,12,11),('small',15,3,15,3,15,0,3,3)]
  for name,*args in cases:
    br,c,(lo,hi)=interval(*args)
    print('{"%s", %s, "%s", %.17g, %.17g, %.17g},'%(name,', '.join(map(str,args)),br,c,lo,hi))
